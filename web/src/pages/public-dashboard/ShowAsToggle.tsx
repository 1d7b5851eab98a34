/**
 * Counts or rates per 100,000 residents on a public dashboard, offered when the agency gives its
 * jurisdiction's population; the choice is kept in the address (`show=rate`), so the overview and
 * a category page show the same.
 */
import { useSearchParams } from 'react-router';
import { useSetSearchParam } from '../../components/use-set-search-param.ts';

const SHOW = 'show';
const RATE = 'rate';

export function useShowAsRate(population: Readonly<Record<string, number>>) {
  const [params] = useSearchParams();
  const setParam = useSetSearchParam();
  const offered = Object.keys(population).length > 0;
  return {
    offered,
    asRate: offered && params.get(SHOW) === RATE,
    setAsRate: (asRate: boolean) => setParam(SHOW, asRate ? RATE : null),
    /** For a link to another view of the dashboard that keeps the choice. */
    query: offered && params.get(SHOW) === RATE ? `${SHOW}=${RATE}` : '',
  };
}

export function ShowAsToggle({ asRate, onChange }: { asRate: boolean; onChange: (asRate: boolean) => void }) {
  return (
    <div className="public-range" role="group" aria-label="Show figures as">
      <button type="button" className="public-sectors__chip" aria-pressed={!asRate} onClick={() => onChange(false)}>
        Counts
      </button>
      <button type="button" className="public-sectors__chip" aria-pressed={asRate} onClick={() => onChange(true)}>
        Rate per 100,000 residents
      </button>
    </div>
  );
}

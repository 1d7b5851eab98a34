/** The sectors of a dashboard as chips; choosing one keeps it in the address (`?sector=jails`). */
import { useSetSearchParam } from '../../components/use-set-search-param.ts';
import { sectorLabel } from './dashboard-rules.ts';

export function SectorChips({ sectors, sector }: { sectors: readonly string[]; sector: string }) {
  const setParam = useSetSearchParam();
  if (sectors.length < 2) return null;
  return (
    <nav className="public-sectors" aria-label="Sectors">
      {sectors.map((s) => (
        <button
          key={s}
          type="button"
          className="public-sectors__chip"
          aria-pressed={s === sector}
          onClick={() => setParam('sector', s.toLowerCase())}
        >
          {sectorLabel(s)}
        </button>
      ))}
    </nav>
  );
}

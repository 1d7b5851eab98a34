/**
 * A metric on the dashboard's overview: its name, a small bar chart of its recent totals with the
 * first and last period under it, and the latest figure; the whole card opens the metric on its
 * category page.
 */
import { Link } from 'react-router';
import { formatFigure } from '../../components/charts/figure-format.ts';
import { TOTAL } from '../../components/charts/series-rules.ts';
import { useMetricChart } from '../../components/charts/use-metric-chart.ts';
import { barHeights } from './category-rules.ts';
import { chartSelection, totalsOnly, type PublicMetric } from './dashboard-rules.ts';

const WIDTH = 240;
const HEIGHT = 72;
const GAP = 3;

function MiniBars({ values, label }: { values: (number | null)[]; label: string }) {
  const heights = barHeights(values);
  const slot = WIDTH / Math.max(1, heights.length);
  return (
    <svg
      className="public-card__bars"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {heights.map((height, i) =>
        height === null ? (
          <rect
            key={i}
            className="public-card__gap"
            x={i * slot + GAP / 2}
            y={HEIGHT - 4}
            width={slot - GAP}
            height={4}
          />
        ) : (
          <rect
            key={i}
            x={i * slot + GAP / 2}
            y={HEIGHT - Math.max(2, height * HEIGHT)}
            width={slot - GAP}
            height={Math.max(2, height * HEIGHT)}
          />
        ),
      )}
    </svg>
  );
}

export function MetricCard({ entry, to }: { entry: PublicMetric; to: string }) {
  const { rows, isMoney } = useMetricChart(entry, chartSelection(true, totalsOnly));
  const values = rows.map((row) => row.values[TOTAL] ?? null);
  const first = rows[0]?.label ?? '';
  const last = rows.at(-1)?.label ?? '';
  const latest = [...rows].reverse().find((row) => row.values[TOTAL] !== null);
  return (
    <li className="public-card">
      <Link to={to} className="public-card__link">
        <span className="public-card__name">{entry.metric.display_name.toUpperCase()}</span>
        <MiniBars values={values} label={`${entry.metric.display_name} from ${first} to ${last}`} />
        <span className="public-card__dates" aria-hidden="true">
          <span>{first}</span>
          <span>{last}</span>
        </span>
        {latest && (
          <span className="public-card__latest">
            {latest.label}: <strong>{formatFigure(latest.values[TOTAL] ?? null, isMoney)}</strong>
          </span>
        )}
      </Link>
    </li>
  );
}

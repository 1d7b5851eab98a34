/**
 * A metric on the dashboard's overview: its name, a small bar chart of its recent totals (counts,
 * or rates per 100,000 residents) with the first and last period under it, a dashed line and a
 * word where the agency changed the metric's definition, the years left out of rates for want of a
 * population (in the words of the category page's chart), and the latest figure; the whole card
 * opens the metric on its category page, where the note says what changed.
 */
import { Link } from 'react-router';
import { breakMarks, breakWords } from '../../components/charts/break-rules.ts';
import { formatFigure } from '../../components/charts/figure-format.ts';
import { RATE_WORDS } from '../../components/charts/rate-rules.ts';
import { TOTAL } from '../../components/charts/series-rules.ts';
import { useMetricChart } from '../../components/charts/use-metric-chart.ts';
import { barHeights } from './category-rules.ts';
import { chartSelection, totalsOnly, type PublicMetric } from './dashboard-rules.ts';

const WIDTH = 240;
const HEIGHT = 72;
const GAP = 3;

/** `breaks`: the indexes of the first bar of each new definition, marked by a dashed line before it. */
function MiniBars({ values, breaks, label }: { values: (number | null)[]; breaks: number[]; label: string }) {
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
      {breaks.map((index) => (
        <line key={index} className="public-card__break-line" x1={index * slot} x2={index * slot} y1={0} y2={HEIGHT} />
      ))}
    </svg>
  );
}

interface MetricCardProps {
  entry: PublicMetric;
  /** The jurisdiction's population by year, the base of rates. */
  population: Readonly<Record<string, number>>;
  asRate: boolean;
  to: string;
}

export function MetricCard({ entry, population, asRate, to }: MetricCardProps) {
  const chart = useMetricChart({ ...entry, population }, chartSelection(true, totalsOnly, asRate));
  const { rows, isMoney } = chart;
  const values = rows.map((row) => row.values[TOTAL] ?? null);
  const first = rows[0]?.label ?? '';
  const last = rows.at(-1)?.label ?? '';
  const latest = [...rows].reverse().find((row) => row.values[TOTAL] !== null);
  const marks = breakMarks(rows, entry.metric.comparability.series_breaks);
  const changes = marks.flatMap((mark) => mark.breaks.map((b) => breakWords(b).heading));
  const name = `${entry.metric.display_name}${chart.asRate ? `, ${RATE_WORDS}` : ''}`;
  return (
    <li className="public-card">
      <Link to={to} className="public-card__link">
        <span className="public-card__name">{name.toUpperCase()}</span>
        <MiniBars
          values={values}
          breaks={marks.map((mark) => rows.findIndex((row) => row.label === mark.label))}
          label={`${name} from ${first} to ${last}${changes.length > 0 ? `; ${changes.join('; ')}` : ''}`}
        />
        <span className="public-card__dates" aria-hidden="true">
          <span>{first}</span>
          <span>{last}</span>
        </span>
        {changes.map((change) => (
          <span key={change} className="public-card__break">
            {change}
          </span>
        ))}
        {chart.rateNote && <span className="public-card__note">{chart.rateNote}</span>}
        {latest && (
          <span className="public-card__latest">
            {latest.label}: <strong>{formatFigure(latest.values[TOTAL] ?? null, isMoney)}</strong>
          </span>
        )}
      </Link>
    </li>
  );
}

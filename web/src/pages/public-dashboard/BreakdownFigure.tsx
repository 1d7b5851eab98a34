/**
 * The breakdown line chart with its buttons to save it as a picture and a legend that gives each
 * category's figure for the period hovered in either of the metric's charts (the latest period
 * with figures when none is). Series breaks are marked and noted in the picture as on the bars
 * beside it, whose note under the chart says what changed.
 */
import { lazy, Suspense, useRef, type ReactNode } from 'react';
import type { ComparabilityJson } from '@jc/server/contract';
import { breakMarks, breakNotes } from '../../components/charts/break-rules.ts';
import { PictureButtons, type ChartPicture } from '../../components/charts/ChartFigure.tsx';
import type { ChartSeries } from '../../components/charts/chart-colours.ts';
import { formatFigure } from '../../components/charts/figure-format.ts';
import type { ChartSync } from '../../components/charts/MetricChart.tsx';
import type { SeriesRow } from '../../components/charts/series-rules.ts';
import { Spinner } from '../../components/index.ts';

const BreakdownLineChart = lazy(() => import('./BreakdownLineChart.tsx'));

interface BreakdownFigureProps {
  rows: SeriesRow[];
  series: ChartSeries[];
  isMoney: boolean;
  /** The period hovered in this chart or the bars beside it. */
  hovered: string | null;
  sync: ChartSync;
  picture: ChartPicture;
  caption: ReactNode;
  /** The metric's series breaks, marked on the lines. */
  comparability: ComparabilityJson;
}

export function BreakdownFigure(props: BreakdownFigureProps) {
  const { rows, series, isMoney, hovered, sync, picture, caption, comparability } = props;
  const figure = useRef<HTMLElement>(null);
  const breaks = breakMarks(rows, comparability.series_breaks);
  const shown =
    rows.find((row) => row.label === hovered) ?? [...rows].reverse().find((row) => !row.isGap) ?? rows.at(-1);
  return (
    <figure className="explore-chart" ref={figure}>
      <PictureButtons figure={figure} picture={picture} rows={rows} legend={series} notes={breakNotes(breaks)} />
      <Suspense fallback={<Spinner label="Loading chart…" />}>
        <BreakdownLineChart rows={rows} series={series} isMoney={isMoney} sync={sync} breaks={breaks} />
      </Suspense>
      {shown && (
        <div className="public-hover-legend">
          <p className="public-hover-legend__period">{shown.label}</p>
          <ul className="explore-legend" aria-label="Legend">
            {series.map(({ name, colour }) => (
              <li key={name}>
                <span className="legend-swatch" style={{ background: colour }} aria-hidden="true" />
                {name}:{' '}
                <strong>{shown.isGap ? 'Not recorded' : formatFigure(shown.values[name] ?? null, isMoney)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      <figcaption className="explore-chart__note">{caption}</figcaption>
    </figure>
  );
}

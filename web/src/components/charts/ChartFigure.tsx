/**
 * A metric's chart with its legend and caption. Recharts is the heaviest part of the app, so the
 * chart itself loads the first time one is shown.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Spinner } from '../index.ts';
import type { ChartSeries } from './chart-colours.ts';
import type { SeriesRow } from './series-rules.ts';
import './charts.css';

const MetricChart = lazy(() => import('./MetricChart.tsx'));

interface ChartFigureProps {
  rows: SeriesRow[];
  series: ChartSeries[];
  isPercentage: boolean;
  isMoney: boolean;
  /** A legend of the series' colours, for a chart split by a breakdown. */
  showLegend: boolean;
  caption: ReactNode;
}

export function ChartFigure({ rows, series, isPercentage, isMoney, showLegend, caption }: ChartFigureProps) {
  return (
    <figure className="explore-chart">
      <Suspense fallback={<Spinner label="Loading chart…" />}>
        <MetricChart rows={rows} series={series} isPercentage={isPercentage} isMoney={isMoney} />
      </Suspense>
      {showLegend && (
        <ul className="explore-legend" aria-label="Legend">
          {series.map(({ name, colour }) => (
            <li key={name}>
              <span className="legend-swatch" style={{ background: colour }} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
      <figcaption className="explore-chart__note">{caption}</figcaption>
    </figure>
  );
}

/**
 * The bar chart: one stacked bar per period, a colour per series, faint red bars where a period
 * has no figure, a dashed line before each period counted under a changed definition (a series
 * break, `breakLines`, which the breakdown's line chart draws too), and a tooltip with the total and each series' figure and share.
 */
import type { ComponentProps } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { BreakMark } from './break-rules.ts';
import type { ChartSeries } from './chart-colours.ts';
import { abbreviate, formatFigure, formatShare } from './figure-format.ts';
import { TOTAL, type SeriesRow } from './series-rules.ts';

const GAP = '__gap';

/** Charts with the same `id` show their hover at the same period; `onHover` hears which one. */
export interface ChartSync {
  id: string;
  onHover: (label: string | null) => void;
}

interface MetricChartProps {
  rows: SeriesRow[];
  series: ChartSeries[];
  isPercentage: boolean;
  isMoney: boolean;
  sync?: ChartSync;
  breaks: readonly BreakMark[];
}

function chartData(rows: SeriesRow[], series: ChartSeries[], isPercentage: boolean) {
  const sums = rows.map((row) => series.reduce((sum, { name }) => sum + (row.values[name] ?? 0), 0));
  const tallest = isPercentage ? 100 : Math.max(1, ...sums);
  return rows.map((row, i) => {
    const entry: Record<string, number | string | null> = { label: row.label };
    for (const { name } of series) {
      const value = row.values[name] ?? null;
      entry[name] = isPercentage && value !== null ? (sums[i]! > 0 ? (value / sums[i]!) * 100 : 0) : value;
    }
    // A gap gets a bar a third as tall as the tallest, so it reads as "missing", not as zero.
    entry[GAP] = row.isGap ? tallest / 3 : null;
    return entry;
  });
}

function ChartTooltip({ row, series, isMoney }: { row: SeriesRow; series: ChartSeries[]; isMoney: boolean }) {
  const hasBreakdown = series.length > 1 || series[0]?.name !== TOTAL;
  const sum = series.reduce((total, { name }) => total + (row.values[name] ?? 0), 0);
  const draft = row.isPublished === false && <span className="chart-tooltip__draft"> (draft)</span>;
  if (row.isGap) {
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip__period">{row.label}</p>
        <p>Not Recorded</p>
      </div>
    );
  }
  if (!hasBreakdown) {
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip__period">{row.label}</p>
        <p>
          {formatFigure(row.values[TOTAL] ?? null, isMoney)}
          {draft}
        </p>
      </div>
    );
  }
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__period">{row.label}</p>
      <p className="chart-tooltip__total">
        Total: {formatFigure(row.total ?? sum, isMoney)}
        {draft}
      </p>
      <ul>
        {series.map(({ name, colour }) => {
          const value = row.values[name] ?? null;
          return (
            <li key={name}>
              <span className="legend-swatch" style={{ background: colour }} aria-hidden="true" />
              {name}: {value === null ? 'Not Recorded' : `${formatFigure(value, isMoney)} (${formatShare(value, sum)})`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What a chart passes to Recharts to take part in a synced hover. */
const syncProps = (sync: ChartSync | undefined) =>
  sync && {
    syncId: sync.id,
    syncMethod: 'value' as const,
    onMouseMove: (state: { activeLabel?: string | number }) =>
      sync.onHover(state.activeLabel === undefined ? null : String(state.activeLabel)),
    onMouseLeave: () => sync.onHover(null),
  };

/** The size and margins of a metric's chart, and its part in a synced hover. */
export const chartFrame = (sync: ChartSync | undefined) => ({
  responsive: true,
  style: { width: '100%', height: 360 },
  margin: { top: 8, right: 8, left: 0 },
  ...syncProps(sync),
});

/** Periods along the bottom, figures up the side, as every chart of a metric draws them. */
export const periodAxis: ComponentProps<typeof XAxis> = {
  dataKey: 'label',
  tick: { fontSize: 12 },
  tickLine: false,
  minTickGap: 12,
};
export const figureAxis = (
  tickFormatter: (value: number) => string,
  domain: ComponentProps<typeof YAxis>['domain'] = [0, 'auto'],
): ComponentProps<typeof YAxis> => ({
  tickFormatter,
  tick: { fontSize: 12 },
  width: 56,
  axisLine: false,
  tickLine: false,
  domain,
});

/**
 * The dashed "Definition changed" line before each series break, as every chart of a metric draws
 * it (a function, not a component: Recharts reads its reference lines among the chart's children).
 */
export const breakLines = (breaks: readonly BreakMark[]) =>
  breaks.map((mark) => (
    <ReferenceLine
      key={mark.label}
      x={mark.label}
      position="start"
      stroke="#8a4b00"
      strokeWidth={2}
      strokeDasharray="6 4"
      label={{ value: 'Definition changed', position: 'insideTopLeft', fill: '#8a4b00', fontSize: 12 }}
    />
  ));

export default function MetricChart({ rows, series, isPercentage, isMoney, sync, breaks }: MetricChartProps) {
  const data = chartData(rows, series, isPercentage);
  const tickFormatter = (value: number) => (isPercentage ? `${Math.round(value)}%` : abbreviate(value, isMoney));
  return (
    <BarChart data={data} {...chartFrame(sync)}>
      <defs>
        <linearGradient id="chart-gap" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0%" stopColor="#c4322b" stopOpacity={0.35} />
          <stop offset="100%" stopColor="#c4322b" stopOpacity={0.04} />
        </linearGradient>
      </defs>
      <CartesianGrid vertical={false} stroke="#dde2ea" />
      <XAxis {...periodAxis} />
      <YAxis {...figureAxis(tickFormatter, isPercentage ? [0, 100] : undefined)} />
      <Tooltip
        cursor={{ fill: 'rgba(12, 29, 58, 0.06)' }}
        content={({ active, label }) => {
          const row = active ? rows.find((r) => r.label === label) : undefined;
          return row ? <ChartTooltip row={row} series={series} isMoney={isMoney} /> : null;
        }}
      />
      {series.map(({ name, colour }) => (
        <Bar key={name} dataKey={name} stackId="figures" fill={colour} isAnimationActive={false} />
      ))}
      <Bar dataKey={GAP} stackId="figures" fill="url(#chart-gap)" isAnimationActive={false} />
      {breakLines(breaks)}
    </BarChart>
  );
}

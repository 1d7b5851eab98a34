/**
 * A metric's breakdown over time as lines, one colour per category, drawn beside the bars of its
 * totals and hovering in step with them. The figures of the hovered period are in the legend
 * under it (BreakdownFigure), so the chart's own tooltip only draws the line at that period. A
 * series break gets the bars' dashed line.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSeries } from '../../components/charts/chart-colours.ts';
import { abbreviate } from '../../components/charts/figure-format.ts';
import type { BreakMark } from '../../components/charts/break-rules.ts';
import {
  breakLines,
  chartFrame,
  figureAxis,
  periodAxis,
  type ChartSync,
} from '../../components/charts/MetricChart.tsx';
import type { SeriesRow } from '../../components/charts/series-rules.ts';

export interface BreakdownLineChartProps {
  rows: SeriesRow[];
  series: ChartSeries[];
  isMoney: boolean;
  sync: ChartSync;
  breaks: readonly BreakMark[];
}

export default function BreakdownLineChart({ rows, series, isMoney, sync, breaks }: BreakdownLineChartProps) {
  const data = rows.map((row) => ({ ...row.values, label: row.label }));
  return (
    <LineChart data={data} {...chartFrame(sync)}>
      <CartesianGrid vertical={false} stroke="#dde2ea" />
      <XAxis {...periodAxis} />
      <YAxis {...figureAxis((value) => abbreviate(value, isMoney))} />
      <Tooltip content={() => null} cursor={{ stroke: '#0c1d3a', strokeDasharray: '4 4' }} />
      {series.map(({ name, colour }) => (
        <Line
          key={name}
          dataKey={name}
          stroke={colour}
          strokeWidth={2}
          dot={{ r: 3, fill: colour }}
          isAnimationActive={false}
        />
      ))}
      {breakLines(breaks)}
    </LineChart>
  );
}

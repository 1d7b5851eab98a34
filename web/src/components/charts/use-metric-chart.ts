/**
 * The one way a screen turns a metric's datapoints into a chart: the frequencies and breakdowns
 * it may offer, and for the screen's choice among them the rows, the coloured series and the
 * insights. Explore Data keeps the choice in the address, a public dashboard in its own state.
 */
import { useMemo } from 'react';
import type { DatapointFull } from '../../api/datapoints.ts';
import { chartSeries, type ChartSeries } from './chart-colours.ts';
import { isMoney } from './figure-format.ts';
import {
  breakdownsOf,
  buildSeries,
  chartPoints,
  defaultBreakdown,
  frequencyChoices,
  insightsOf,
  latestFrequency,
  TOTAL,
  type Breakdown,
  type ChartPoint,
  type Frequency,
  type FrequencyChoice,
  type Insights,
  type SeriesRow,
  type TimeRange,
} from './series-rules.ts';

export interface ChartSource {
  metric: Parameters<typeof breakdownsOf>[0] & { key: string; unit: string };
  datapoints: readonly DatapointFull[];
  /** The frequency offered first; without it, the one the latest figures use. */
  ownFrequency?: { frequency: Frequency; startingMonth: number };
  /** Member names per breakdown, where the metric's settings do not list them all. */
  memberNames?: Record<string, string[]>;
}

/** What the screen may choose from. */
export interface ChartOptions {
  choices: FrequencyChoice[];
  breakdowns: Breakdown[];
  /** The breakdown to show first: the first with figures that is not sex or race. */
  defaultBreakdown: string | null;
}

/** What the screen chose. */
export interface ChartSelection {
  choice: FrequencyChoice;
  breakdown: Breakdown | null;
  range: TimeRange;
  publishedOnly: boolean;
}

export interface MetricChart extends ChartOptions, ChartSelection {
  points: ChartPoint[];
  rows: SeriesRow[];
  series: ChartSeries[];
  insights: Insights;
  isMoney: boolean;
}

export function useMetricChart(source: ChartSource, select: (options: ChartOptions) => ChartSelection): MetricChart {
  const { metric, datapoints, ownFrequency, memberNames } = source;
  const points = useMemo(() => chartPoints(datapoints, metric.key), [datapoints, metric.key]);
  const choices = frequencyChoices(ownFrequency ?? latestFrequency(points), points);
  const breakdowns = breakdownsOf(metric, memberNames, points);
  const options = { choices, breakdowns, defaultBreakdown: defaultBreakdown(breakdowns, points) };
  const selection = select(options);
  const rows = buildSeries({ points, ...selection });
  const series = chartSeries(selection.breakdown?.members ?? [TOTAL], (name) =>
    rows.some((row) => (row.values[name] ?? null) !== null),
  );
  return { ...options, ...selection, points, rows, series, insights: insightsOf(rows), isMoney: isMoney(metric.unit) };
}

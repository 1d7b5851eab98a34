/**
 * The one way a screen turns a metric's datapoints into a chart: the frequencies and breakdowns
 * it may offer, and for the screen's choice among them the rows, the coloured series and the
 * insights, as counts or as rates per 100,000 residents. Explore Data keeps the choice in the
 * address, a public dashboard in its own state.
 */
import { useMemo } from 'react';
import type { DatapointFull } from '@jc/server/contract';
import { chartSeries, type ChartSeries } from './chart-colours.ts';
import { isMoney } from './figure-format.ts';
import { hasRate, missingPopulationNote, ratesOf } from './rate-rules.ts';
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
  /** People in the jurisdiction by year ("2024" → people), for rates per 100,000 residents. */
  population?: Readonly<Record<string, number>>;
}

/** What the screen may choose from. */
export interface ChartOptions {
  choices: FrequencyChoice[];
  breakdowns: Breakdown[];
  /** The breakdown to show first: the first with figures that is not sex or race. */
  defaultBreakdown: string | null;
  /** Whether rates per 100,000 residents may be chosen: a count metric and a population for some year. */
  canShowRate: boolean;
}

/** What the screen chose. */
export interface ChartSelection {
  choice: FrequencyChoice;
  breakdown: Breakdown | null;
  range: TimeRange;
  publishedOnly: boolean;
  /** Rates per 100,000 residents instead of counts (only when `canShowRate`). */
  asRate: boolean;
}

export interface MetricChart extends ChartOptions, ChartSelection {
  points: ChartPoint[];
  rows: SeriesRow[];
  series: ChartSeries[];
  insights: Insights;
  isMoney: boolean;
  /** For rates: which years are left out for want of a population, in words; else null. */
  rateNote: string | null;
}

export function useMetricChart(source: ChartSource, select: (options: ChartOptions) => ChartSelection): MetricChart {
  const { metric, datapoints, ownFrequency, memberNames, population = {} } = source;
  const points = useMemo(() => chartPoints(datapoints, metric.key), [datapoints, metric.key]);
  const choices = frequencyChoices(ownFrequency ?? latestFrequency(points), points);
  const breakdowns = breakdownsOf(metric, memberNames, points);
  const canShowRate = hasRate(metric.unit) && Object.keys(population).length > 0;
  const options = { choices, breakdowns, defaultBreakdown: defaultBreakdown(breakdowns, points), canShowRate };
  const chosen = select(options);
  const selection = { ...chosen, asRate: chosen.asRate && canShowRate };
  const counts = buildSeries({ points, ...selection });
  const rates = selection.asRate ? ratesOf(counts, population) : null;
  const rows = rates?.rows ?? counts;
  const series = chartSeries(selection.breakdown?.members ?? [TOTAL], (name) =>
    rows.some((row) => (row.values[name] ?? null) !== null),
  );
  return {
    ...options,
    ...selection,
    points,
    rows,
    series,
    insights: insightsOf(rows),
    isMoney: isMoney(metric.unit),
    rateNote: rates && missingPopulationNote(rates.yearsWithoutPopulation),
  };
}

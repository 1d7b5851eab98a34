/**
 * The Explore Data view lives in the address, so a view can be shared and survives a reload:
 * `?system=prisons&metric=prisons_population&disaggregation=offense types&frequency=monthly
 * &time_range=5y&display=percentage&view=table&data=published` (`display=rate`: per 100,000
 * residents). Anything missing or unknown
 * falls back to the default.
 */
import type { MetricSettingJson } from '@jc/server/contract';
import type { Breakdown, FrequencyChoice, TimeRange } from '../../components/charts/series-rules.ts';

export const RANGE_OPTIONS: { param: string; label: string; range: TimeRange }[] = [
  { param: 'all', label: 'All Time', range: 'all' },
  { param: '6m', label: '6 Months Ago', range: 6 },
  { param: '1y', label: '1 Year Ago', range: 12 },
  { param: '5y', label: '5 Years Ago', range: 60 },
  { param: '10y', label: '10 Years Ago', range: 120 },
];

export const NO_BREAKDOWN = 'none';

/** How figures are shown: counts, each series' share of the total, or per 100,000 residents. */
export type Display = 'count' | 'percentage' | 'rate';

/** The display named in the address, where it applies: shares need a breakdown, rates a population. */
export function displayFrom(param: string | null, applies: { hasBreakdown: boolean; canShowRate: boolean }): Display {
  if (param === 'percentage' && applies.hasBreakdown) return 'percentage';
  if (param === 'rate' && applies.canShowRate) return 'rate';
  return 'count';
}

export function rangeFrom(param: string | null): TimeRange {
  return RANGE_OPTIONS.find((option) => option.param === param)?.range ?? 'all';
}

export function rangeParam(range: TimeRange): string {
  return RANGE_OPTIONS.find((option) => option.range === range)?.param ?? 'all';
}

/** The metric named in the address (any case), or the first one. */
export function metricFrom(metrics: readonly MetricSettingJson[], param: string | null): MetricSettingJson | undefined {
  return metrics.find((m) => m.key.toLowerCase() === param?.toLowerCase()) ?? metrics[0];
}

export function frequencyFrom(choices: readonly FrequencyChoice[], param: string | null): FrequencyChoice {
  return choices.find((c) => c.key === param) ?? choices[0]!;
}

/** The breakdown named in the address; "none" for totals; otherwise the default. */
export function breakdownFrom(
  breakdowns: readonly Breakdown[],
  param: string | null,
  fallback: string | null,
): Breakdown | null {
  if (param === NO_BREAKDOWN) return null;
  const name = param ?? fallback;
  return breakdowns.find((b) => b.name.toLowerCase() === name?.toLowerCase()) ?? null;
}

/** Choosing another metric keeps the breakdown (if it has one of that name) but not the frequency. */
export function paramsForMetric(current: URLSearchParams, metric: MetricSettingJson): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('system', metric.system.key.toLowerCase());
  next.set('metric', metric.key.toLowerCase());
  next.delete('frequency');
  return next;
}

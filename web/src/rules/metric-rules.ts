/**
 * How an agency reports each metric, read from its settings (METRICS_TAB JSON): how often, from
 * which month, and whether figures are entered for the metric itself. A supervision metric split
 * into sub-populations (Parole, Probation…) is entered per sub-population instead, and a
 * sub-population's copy is entered only when its supervision metric is split.
 */
import type { MetricSettingJson } from '@jc/server/contract';
import { isDisaggregated, isSubpopulation, metricType } from './overview-rules.ts';

export type Frequency = 'MONTHLY' | 'ANNUAL';

/** The agency's own choice of frequency, or the metric's standard one. */
export function frequencyOf(metric: MetricSettingJson): Frequency {
  return metric.custom_frequency ?? metric.frequency;
}

/** First month of an annual metric's year (1 = calendar year); 1 for monthly metrics too. */
export function startingMonthOf(metric: MetricSettingJson): number {
  return metric.starting_month ?? 1;
}

function supervisionParent(metrics: readonly MetricSettingJson[], metric: MetricSettingJson) {
  return metrics.find((m) => m.system.key === 'SUPERVISION' && metricType(m) === metricType(metric));
}

/** Whether figures are entered for this metric itself (see the comment at the top). */
export function isEnteredOnItsOwn(metrics: readonly MetricSettingJson[], metric: MetricSettingJson): boolean {
  if (isSubpopulation(metric.system.key)) {
    const parent = supervisionParent(metrics, metric);
    return parent === undefined || parent.disaggregated_by_supervision_subsystems === true;
  }
  return !isDisaggregated(metrics, metric);
}

/** Metrics the agency has switched on and enters figures for, in the server's order. */
export function reportedMetrics(metrics: readonly MetricSettingJson[]): MetricSettingJson[] {
  return metrics.filter((m) => m.enabled === true && isEnteredOnItsOwn(metrics, m));
}

/** The Set Up Metrics page of a metric; a sub-population's copy is set up on its supervision metric. */
export function metricSettingsPath(metrics: readonly MetricSettingJson[], metric: MetricSettingJson): string {
  const target = isSubpopulation(metric.system.key) ? (supervisionParent(metrics, metric) ?? metric) : metric;
  const params = new URLSearchParams({ system: target.system.key, metric: target.key });
  return `metric-config?${params.toString()}`;
}

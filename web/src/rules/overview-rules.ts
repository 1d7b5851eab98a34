/**
 * Pure rules of the Set Up Metrics overview: which sectors get a tab, and whether a metric needs
 * an answer, is reported (and how often) or is not reported. Supervision metrics split into
 * sub-populations count as reported when any sub-population reports them.
 */
import { monthName } from '@jc/server/contract';
import type { MetricSettingJson } from '@jc/server/contract';

/** Supervision sub-populations: each has its own copy of every supervision metric. */
export const SUBPOPULATIONS = ['PAROLE', 'PROBATION', 'PRETRIAL_SUPERVISION', 'OTHER_SUPERVISION'] as const;

export function isSubpopulation(system: string): boolean {
  return (SUBPOPULATIONS as readonly string[]).includes(system);
}

export interface Sector {
  key: string;
  label: string;
}

/** Sectors with at least one metric, in the server's order; sub-populations live inside Supervision. */
export function sectorsOf(metrics: readonly MetricSettingJson[]): Sector[] {
  const sectors: Sector[] = [];
  for (const { system } of metrics) {
    if (!isSubpopulation(system.key) && !sectors.some((s) => s.key === system.key)) {
      sectors.push({ key: system.key, label: system.display_name });
    }
  }
  return sectors;
}

/** "FUNDING" for PAROLE_FUNDING: the part of the key shared by every copy of a metric. */
export function metricType(metric: MetricSettingJson): string {
  return metric.key.slice(metric.system.key.length + 1);
}

/** The sub-population copies of a supervision metric the agency has, in sub-population order. */
export function subpopulationCopies(
  metrics: readonly MetricSettingJson[],
  metric: MetricSettingJson,
): MetricSettingJson[] {
  if (metric.system.key !== 'SUPERVISION') return [];
  const type = metricType(metric);
  return metrics.filter((m) => isSubpopulation(m.system.key) && metricType(m) === type);
}

export function isDisaggregated(metrics: readonly MetricSettingJson[], metric: MetricSettingJson): boolean {
  return metric.disaggregated_by_supervision_subsystems === true && subpopulationCopies(metrics, metric).length > 0;
}

export type Availability = 'action_required' | 'available' | 'unavailable';

function availabilityOfOne(metric: MetricSettingJson): Availability {
  if (metric.enabled === null) return 'action_required';
  return metric.enabled ? 'available' : 'unavailable';
}

export function availabilityOf(metrics: readonly MetricSettingJson[], metric: MetricSettingJson): Availability {
  if (!isDisaggregated(metrics, metric)) return availabilityOfOne(metric);
  const states = subpopulationCopies(metrics, metric).map(availabilityOfOne);
  if (states.includes('available')) return 'available';
  return states.includes('action_required') ? 'action_required' : 'unavailable';
}

/** "monthly", "annually", or "annually (from July)" for a fiscal year. */
export function frequencyText(metric: MetricSettingJson): string {
  const frequency = metric.custom_frequency ?? metric.frequency;
  if (frequency === 'MONTHLY') return 'monthly';
  const month = metric.starting_month ?? 1;
  return month === 1 ? 'annually' : `annually (from ${monthName(month)})`;
}

/** How often a reported metric is shared, per sub-population when split: "monthly (Parole), annually (Probation)". */
export function availabilityText(metrics: readonly MetricSettingJson[], metric: MetricSettingJson): string {
  if (!isDisaggregated(metrics, metric)) return frequencyText(metric);
  return subpopulationCopies(metrics, metric)
    .filter((copy) => copy.enabled === true)
    .map((copy) => `${frequencyText(copy)} (${copy.system.display_name})`)
    .join(', ');
}

export interface OverviewRow {
  metric: MetricSettingJson;
  availability: Availability;
  text: string;
}

/** The sector's metrics, grouped as the overview lists them. */
export function overviewOf(metrics: readonly MetricSettingJson[], sector: string): Record<Availability, OverviewRow[]> {
  const groups: Record<Availability, OverviewRow[]> = { action_required: [], available: [], unavailable: [] };
  for (const metric of metrics.filter((m) => m.system.key === sector)) {
    const availability = availabilityOf(metrics, metric);
    groups[availability].push({ metric, availability, text: availabilityText(metrics, metric) });
  }
  return groups;
}

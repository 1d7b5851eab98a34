/**
 * What of an agency's data the public sees (01-data-model §5.7, §6.10): values of PUBLISHED records
 * (the query keeps to those) of metrics the agency switched on, and of breakdown members it
 * switched on one by one. Anything unanswered (null) stays private, the jails' behavioural-health
 * breakdown is never shown, a custom "Other" sub-category only when switched on, and an empty
 * value is no figure at all.
 */
import { getMetric, type MetricDef } from '@jc/catalogue';
import { withInvariants } from '../metric-settings/setting-rules.ts';
import type { StoredMetricSetting } from '../metric-settings/stored-setting-rules.ts';

/** Sensitive health information: hidden on every public surface, as in the reference. */
export const HIDDEN_BREAKDOWNS: ReadonlySet<string> = new Set(['metric/jails/behavioral_health/type']);

/** The parts of a stored value that decide whether it is public. */
export interface ValueKey {
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  value: string | null;
}

function isPublicMember(metric: MetricDef, setting: StoredMetricSetting, key: ValueKey): boolean {
  const entries = Object.entries(key.dimension ?? {});
  if (entries.length !== 1) return false;
  const [identifier, member] = entries[0]!;
  if (HIDDEN_BREAKDOWNS.has(identifier) || !metric.dimensions.some((d) => d.identifier === identifier)) return false;
  const breakdown = setting.aggregated_dimensions[identifier];
  if (breakdown?.dimension_to_enabled_status?.[member] !== true) return false;
  if (key.subDimensionName === null) return true;
  return breakdown.dimension_to_other_sub_dimension_to_enabled_status[member]?.[key.subDimensionName] === true;
}

/**
 * A filter for one agency's values, given its stored settings and the metrics of its sectors.
 * The caller has already kept to PUBLISHED records.
 */
export function publicValueFilter(
  agencyMetrics: readonly MetricDef[],
  stored: ReadonlyMap<string, StoredMetricSetting>,
): (key: ValueKey) => boolean {
  const settings = new Map<string, StoredMetricSetting>();
  for (const metric of agencyMetrics) {
    const setting = withInvariants(metric, stored.get(metric.key));
    if (setting.is_metric_enabled === true) settings.set(metric.key, setting);
  }
  return (key) => {
    const setting = settings.get(key.metricKey);
    const metric = getMetric(key.metricKey);
    if (!setting || !metric || key.value === null || key.value.trim() === '') return false;
    if (key.dimension === null) return key.subDimensionName === null;
    return isPublicMember(metric, setting, key);
  };
}

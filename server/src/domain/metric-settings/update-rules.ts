/**
 * Pure update semantics of metric settings, as the reference applies them:
 * - an update is deep-merged into the stored document; null or absent never overwrites;
 * - a member's custom sub-categories are replaced as a whole by the update's list;
 * - a monthly metric has no starting month;
 * - choosing combined vs. disaggregated supervision switches every sibling metric on or off.
 */
import { isSupervisionFamily, isSupervisionSubsystem, type MetricDef } from '@jc/catalogue';
import { metricsOfSystems } from './setting-rules.ts';
import { emptyStoredSetting, type StoredMetricSetting } from './stored-setting-rules.ts';

/** Below this key each member's label map is replaced, not merged, so a label can be dropped. */
const REPLACED_PER_MEMBER = 'dimension_to_other_sub_dimension_to_enabled_status';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeJson(base: unknown, update: unknown, replaceChildren: boolean): unknown {
  if (update === null || update === undefined) return base;
  if (!isObject(update) || !isObject(base)) return update;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    merged[key] = replaceChildren ? value : mergeJson(base[key], value, key === REPLACED_PER_MEMBER);
  }
  return merged;
}

/** Switching to monthly clears the starting month (an annual-only notion). */
export function withMonthlyInvariant(setting: StoredMetricSetting): StoredMetricSetting {
  const frequency = setting.custom_reporting_frequency;
  if (frequency.custom_frequency !== 'MONTHLY' || frequency.starting_month === null) return setting;
  return { ...setting, custom_reporting_frequency: { custom_frequency: 'MONTHLY', starting_month: null } };
}

/** The stored document after applying an update; with nothing stored yet, the update itself. */
export function mergeStoredSettings(
  stored: StoredMetricSetting | undefined,
  update: StoredMetricSetting,
): StoredMetricSetting {
  const merged = mergeJson(stored ?? emptyStoredSetting(update.key), update, false) as StoredMetricSetting;
  return withMonthlyInvariant(merged);
}

/**
 * Updates implied by choosing combined vs. disaggregated supervision for one metric type: each
 * supervision-family copy the agency has gets the flag; sub-system copies are switched on when
 * disaggregated, the SUPERVISION copy when combined. Nothing when the agency has no sub-system.
 */
export function supervisionCascade(
  metric: MetricDef,
  update: StoredMetricSetting,
  agencySystems: readonly string[] | null,
): StoredMetricSetting[] {
  const disaggregated = update.disaggregated_by_supervision_subsystems;
  if (disaggregated === null || !isSupervisionFamily(metric.system)) return [];
  const siblings = metricsOfSystems(agencySystems).filter(
    (other) => isSupervisionFamily(other.system) && other.metricType === metric.metricType,
  );
  if (!siblings.some((other) => isSupervisionSubsystem(other.system))) return [];
  return siblings.map((sibling) => ({
    ...emptyStoredSetting(sibling.key),
    disaggregated_by_supervision_subsystems: disaggregated,
    is_metric_enabled: isSupervisionSubsystem(sibling.system) ? disaggregated : !disaggregated,
  }));
}

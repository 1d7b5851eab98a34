/**
 * Pure rules that turn stored settings into an agency's effective configuration: which metrics an
 * agency has, the defaults applied where it chose nothing, and the supervision invariants.
 */
import {
  isSupervisionFamily,
  isSupervisionSubsystem,
  isSystemName,
  METRICS,
  type DimensionDef,
  type Frequency,
  type MemberDef,
  type MetricDef,
} from '@jc/catalogue';
import { emptyStoredSetting, type StoredMetricSetting } from './stored-setting-rules.ts';

/** Every catalogue metric of the agency's systems, in catalogue order; unknown system names are ignored. */
export function metricsOfSystems(systems: readonly string[] | null): MetricDef[] {
  const chosen = new Set((systems ?? []).filter(isSystemName));
  return METRICS.filter((metric) => chosen.has(metric.system));
}

/**
 * The stored setting with the read-time invariants applied: supervision-family metrics are "combined"
 * unless set otherwise, and a sub-system copy nobody configured is off while supervision is combined.
 */
export function withInvariants(metric: MetricDef, stored: StoredMetricSetting | undefined): StoredMetricSetting {
  const setting = stored ?? emptyStoredSetting(metric.key);
  if (!isSupervisionFamily(metric.system)) return setting;
  const disaggregated = setting.disaggregated_by_supervision_subsystems ?? false;
  const enabled =
    setting.is_metric_enabled === null && isSupervisionSubsystem(metric.system) && !disaggregated
      ? false
      : setting.is_metric_enabled;
  return { ...setting, disaggregated_by_supervision_subsystems: disaggregated, is_metric_enabled: enabled };
}

/** The frequency the metric is reported at: the agency's choice, else the catalogue default. */
export function effectiveFrequency(metric: MetricDef, setting: StoredMetricSetting): Frequency {
  return setting.custom_reporting_frequency.custom_frequency ?? metric.defaultFrequency;
}

/** First month of the annual period (1 = calendar year); null for monthly metrics. */
export function effectiveStartingMonth(metric: MetricDef, setting: StoredMetricSetting): number | null {
  if (effectiveFrequency(metric, setting) !== 'ANNUAL') return null;
  return setting.custom_reporting_frequency.starting_month ?? 1;
}

/** Each member's enabled flag: the stored answer, or null when never answered. */
export function memberStatuses(breakdown: DimensionDef, setting: StoredMetricSetting): Record<string, boolean | null> {
  const stored = setting.aggregated_dimensions[breakdown.identifier]?.dimension_to_enabled_status ?? {};
  return Object.fromEntries(breakdown.members.map((member) => [member.name, stored[member.name] ?? null]));
}

/** A breakdown is off when every member is off, on when any member was answered, else unanswered. */
export function breakdownEnabled(statuses: Record<string, boolean | null>): boolean | null {
  const values = Object.values(statuses);
  if (values.length > 0 && values.every((value) => value === false)) return false;
  return values.some((value) => value !== null) ? true : null;
}

const NO_SUB_DIMENSIONS = new Set(['global/race_and_ethnicity', 'global/biological_sex']);

/** OTHER-type members may carry custom sub-categories ("Other Funding" → "GIFTS"). */
export function acceptsSubDimensions(breakdown: DimensionDef, member: MemberDef): boolean {
  if (NO_SUB_DIMENSIONS.has(breakdown.identifier)) return false;
  return member.name === 'OTHER' || member.name.startsWith('OTHER_');
}

/** Sub-category labels are stored trimmed, with inner spaces collapsed, in upper case. */
export function normalizeSubDimensionLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}

export interface ResolvedMetricSetting {
  key: string;
  /** null = the agency has not said yet ("action required"). */
  enabled: boolean | null;
  frequency: 'MONTHLY' | 'ANNUAL';
  /** First month of the annual period (1 = calendar year); null for monthly metrics. */
  startingMonth: number | null;
  /** Boolean for supervision and sub-system metrics, null for every other metric. */
  disaggregatedBySupervisionSubsystems: boolean | null;
  dimensions: Record<
    string /* dimension identifier */,
    { enabled: boolean | null; members: Record<string /* member NAME */, boolean | null> }
  >;
}

/** One metric's effective setting from its (possibly absent) stored document. */
export function resolveSetting(metric: MetricDef, stored: StoredMetricSetting | undefined): ResolvedMetricSetting {
  const setting = withInvariants(metric, stored);
  const dimensions: ResolvedMetricSetting['dimensions'] = {};
  for (const breakdown of metric.dimensions) {
    const members = memberStatuses(breakdown, setting);
    dimensions[breakdown.identifier] = { enabled: breakdownEnabled(members), members };
  }
  return {
    key: metric.key,
    enabled: setting.is_metric_enabled,
    frequency: effectiveFrequency(metric, setting),
    startingMonth: effectiveStartingMonth(metric, setting),
    disaggregatedBySupervisionSubsystems: setting.disaggregated_by_supervision_subsystems,
    dimensions,
  };
}

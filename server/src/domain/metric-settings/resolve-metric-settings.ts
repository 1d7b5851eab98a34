/**
 * An agency's effective metric configuration, for code that needs to know what the agency reports
 * (reports, uploads, reminders, dashboards). No permission check: callers have already loaded the
 * agency for the actor.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { metricSetting } from '../../db/schema.ts';
import { readStoredSetting, type StoredMetricSetting } from './stored-setting.ts';
import {
  breakdownEnabled,
  effectiveFrequency,
  effectiveStartingMonth,
  memberStatuses,
  metricsOfSystems,
  withInvariants,
} from './setting-rules.ts';
import type { MetricDef } from '@jc/catalogue';

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

/** The agency's stored documents by metric key (keys no longer in the catalogue included). */
export async function loadStoredSettings(db: Executor, agencyId: number): Promise<Map<string, StoredMetricSetting>> {
  const rows = await db
    .select({ key: metricSetting.metricDefinitionKey, value: metricSetting.metricInterface })
    .from(metricSetting)
    .where(eq(metricSetting.agencyId, agencyId));
  return new Map(rows.map((row) => [row.key, readStoredSetting(row.key, row.value)]));
}

/** Settings for every catalogue metric of the agency's systems, merged with defaults. */
export async function resolveMetricSettings(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<ResolvedMetricSetting[]> {
  const stored = await loadStoredSettings(db, agency.id);
  return metricsOfSystems(agency.systems).map((metric) => resolveSetting(metric, stored.get(metric.key)));
}

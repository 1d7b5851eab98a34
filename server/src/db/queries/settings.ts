/**
 * Reads and writes of metric settings shared by more than one use case: an agency's effective
 * metric configuration, for code that needs to know what the agency reports (reports, uploads,
 * reminders, dashboards), and the clean-up when a reporting agency goes. No permission check:
 * callers have already loaded the agency for the actor.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { metricSetting, metricSettingHistory } from '../schema.ts';
import { intArray } from '../sql-arrays.ts';
import type { Actor } from '../../domain/actor.ts';
import { readStoredSetting, type StoredMetricSetting } from '../../domain/metric-settings/stored-setting-rules.ts';
import {
  metricsOfSystems,
  resolveSetting,
  type ResolvedMetricSetting,
} from '../../domain/metric-settings/setting-rules.ts';

/** The agency's stored documents by metric key (keys no longer in the catalogue included). */
export async function loadStoredSettings(db: Executor, agencyId: number): Promise<Map<string, StoredMetricSetting>> {
  const rows = await db
    .select({ key: metricSetting.metricDefinitionKey, value: metricSetting.metricInterface })
    .from(metricSetting)
    .where(eq(metricSetting.agencyId, agencyId));
  return new Map(rows.map((row) => [row.key, readStoredSetting(row.key, row.value)]));
}

/** The stored documents of several agencies: agency id → metric key → document. */
export async function loadStoredSettingsOf(
  db: Executor,
  agencyIds: readonly number[],
): Promise<Map<number, Map<string, StoredMetricSetting>>> {
  const result = new Map(agencyIds.map((id) => [id, new Map<string, StoredMetricSetting>()]));
  const rows = await db
    .select({
      agencyId: metricSetting.agencyId,
      key: metricSetting.metricDefinitionKey,
      value: metricSetting.metricInterface,
    })
    .from(metricSetting)
    // One array parameter, however many agencies (a superagency's children, every agency for staff).
    .where(sql`${metricSetting.agencyId} = any(${intArray(agencyIds)})`);
  for (const row of rows) result.get(row.agencyId)?.set(row.key, readStoredSetting(row.key, row.value));
  return result;
}

/** Settings for every catalogue metric of the agency's systems, merged with defaults. */
export async function resolveMetricSettings(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<ResolvedMetricSetting[]> {
  const stored = await loadStoredSettings(db, agency.id);
  return metricsOfSystems(agency.systems).map((metric) => resolveSetting(metric, stored.get(metric.key)));
}

const CLEARED = { reporting_agency_id: null, is_self_reported: null };

/**
 * When a vendor or agency is deleted, metric settings that named it as their reporting agency
 * forget it (both fields back to "not set"), with a history row each, as the reference's
 * before-commit hook does. Runs inside the deleting transaction.
 */
export async function clearReportingAgency(tx: Executor, actor: Actor, sourceId: number): Promise<void> {
  const changed = await tx
    .update(metricSetting)
    .set({
      metricInterface: sql`${metricSetting.metricInterface} || ${JSON.stringify(CLEARED)}::jsonb`,
      lastUpdated: sql`now()`,
    })
    .where(sql`${metricSetting.metricInterface} -> 'reporting_agency_id' = to_jsonb(${sourceId}::int)`)
    .returning({ agencyId: metricSetting.agencyId, key: metricSetting.metricDefinitionKey });
  if (changed.length === 0) return;
  await tx.insert(metricSettingHistory).values(
    changed.map((row) => ({
      agencyId: row.agencyId,
      metricDefinitionKey: row.key,
      updates: { key: row.key, ...CLEARED },
      userAccountId: actor.userId,
    })),
  );
}

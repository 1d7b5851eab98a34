/**
 * When a vendor or agency is deleted, metric settings that named it as their reporting agency
 * forget it (both fields back to "not set"), with a history row each, as the reference's
 * before-commit hook does. Runs inside the deleting transaction.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { metricSetting, metricSettingHistory } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';

const CLEARED = { reporting_agency_id: null, is_self_reported: null };

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

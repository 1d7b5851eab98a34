/**
 * The writes every metric-settings change makes, inside the caller's transaction: the new
 * documents (one per agency and metric), then one history row per applied update.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { metricSetting, metricSettingHistory, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import type { StoredMetricSetting } from './stored-setting-rules.ts';

/** Serialises concurrent edits of one agency's settings without blocking its other writes. */
export async function lockAgencySettings(tx: Executor, agencyId: number): Promise<void> {
  await tx.execute(sql`select 1 from ${source} where ${source.id} = ${agencyId} for no key update`);
}

export async function upsertSettingDocuments(
  tx: Executor,
  agencyId: number,
  documents: readonly StoredMetricSetting[],
): Promise<void> {
  if (documents.length === 0) return;
  await tx
    .insert(metricSetting)
    .values(documents.map((doc) => ({ agencyId, metricDefinitionKey: doc.key, metricInterface: doc })))
    .onConflictDoUpdate({
      target: [metricSetting.agencyId, metricSetting.metricDefinitionKey],
      set: { metricInterface: sql`excluded.metric_interface`, lastUpdated: sql`now()` },
    });
}

/**
 * One history row per applied update and, since a setting can show or hide public figures, the
 * agency's next public release when what the public sees has changed.
 */
export async function recordSettingChanges(
  tx: Executor,
  agencyId: number,
  actor: Actor,
  updates: readonly ({ key: string } & object)[],
  now: Date,
): Promise<void> {
  if (updates.length === 0) return;
  await tx.insert(metricSettingHistory).values(
    updates.map((update) => ({
      agencyId,
      metricDefinitionKey: update.key,
      updates: update,
      userAccountId: actor.userId,
      // The app's clock dates the change: a series break applies from the period it falls in.
      timestamp: now,
    })),
  );
  await recordPublicRelease(tx, { agencyId, userId: actor.userId, now });
}

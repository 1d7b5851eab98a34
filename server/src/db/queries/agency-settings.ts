/** Reads and writes of agency settings and jurisdictions shared by more than one use case. */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { agencyJurisdictions, agencySetting } from '../schema.ts';

/** The places an agency serves and leaves out, as Census GEOIDs, in the order they were chosen. */
export interface Jurisdictions {
  included: string[];
  excluded: string[];
}

export async function loadJurisdictions(db: Executor, agencyId: number): Promise<Jurisdictions> {
  const rows = await db
    .select({ membership: agencyJurisdictions.membership, geoid: agencyJurisdictions.geoid })
    .from(agencyJurisdictions)
    .where(eq(agencyJurisdictions.sourceId, agencyId))
    .orderBy(agencyJurisdictions.id);
  const of = (membership: string) =>
    rows.flatMap((row) => (row.membership === membership && row.geoid !== null ? [row.geoid] : []));
  return { included: of('INCLUDE'), excluded: of('EXCLUDE') };
}

/** Writes settings by (agency, type): a new value replaces the old one. */
export async function upsertAgencySettings(
  tx: Executor,
  sourceId: number,
  settings: readonly { setting_type: string; value: unknown }[],
): Promise<void> {
  if (settings.length === 0) return;
  await tx
    .insert(agencySetting)
    .values(settings.map((s) => ({ sourceId, settingType: s.setting_type, value: s.value })))
    .onConflictDoUpdate({
      target: [agencySetting.sourceId, agencySetting.settingType],
      set: { value: sql`excluded.value` },
    });
}

/** Replaces the places an agency serves and leaves out, keeping the order given. */
export async function replaceJurisdictions(tx: Executor, agencyId: number, places: Jurisdictions): Promise<void> {
  await tx.delete(agencyJurisdictions).where(eq(agencyJurisdictions.sourceId, agencyId));
  const rows = [
    ...places.included.map((geoid) => ({ sourceId: agencyId, membership: 'INCLUDE', geoid })),
    ...places.excluded.map((geoid) => ({ sourceId: agencyId, membership: 'EXCLUDE', geoid })),
  ];
  if (rows.length > 0) await tx.insert(agencyJurisdictions).values(rows);
}

/**
 * Justice Counts staff delete an agency (admin panel). Its records, data, settings, uploads and
 * memberships go with it (foreign keys cascade); its child agencies become stand-alone agencies;
 * other agencies' metrics it reported for forget it. One transaction.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { clearReportingAgency } from '../../db/queries/settings.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import { findAnyAgency } from '../permissions.ts';

export async function deleteAgency(db: Executor, actor: Actor, input: { agencyId: number }): Promise<AgencyRow> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  await db.transaction(async (tx) => {
    await clearReportingAgency(tx, actor, agency.id);
    await tx.delete(source).where(eq(source.id, agency.id));
  });
  return agency;
}

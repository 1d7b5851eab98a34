/**
 * A superagency's child agencies, and the name each goes by in the superagency's uploads
 * (custom_child_agency_name, the "Upload ID" on the superagency home page).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { assertCan, can, getAgencyForAction } from '../permissions.ts';
import { MAX_AGENCY_NAME } from './agency-rules.ts';
import { childAgenciesOf, type AgencyRow } from '../../db/queries/agencies.ts';

export async function findChildAgencies(db: Executor, actor: Actor, input: { agencyId: number }): Promise<AgencyRow[]> {
  const agency = await getAgencyForAction(db, actor, 'agency.view', input.agencyId);
  return childAgenciesOf(db, agency.id);
}

export interface RenameChildAgencyInput {
  agencyId: number;
  customChildAgencyName: string | null;
}

/** Editors of the superagency, or admins of the child itself, may rename it. */
export async function renameChildAgency(db: Executor, actor: Actor, input: RenameChildAgencyInput): Promise<AgencyRow> {
  const child = await getAgencyForAction(db, actor, 'agency.view', input.agencyId);
  if (child.superAgencyId === null) {
    throw invalid('agency_id', `agency ${child.id} ("${child.name}") is not a child agency, so it has no custom name`);
  }
  const [parent] = await db.select().from(source).where(eq(source.id, child.superAgencyId));
  if (!parent || !can(actor, 'agency.rename_children', parent)) assertCan(actor, 'agency.edit', child);
  const name = input.customChildAgencyName?.trim() || null;
  if (name !== null && name.length > MAX_AGENCY_NAME) {
    throw invalid('custom_child_agency_name', `must be at most ${MAX_AGENCY_NAME} characters (got ${name.length})`);
  }
  const [updated] = await db
    .update(source)
    .set({ customChildAgencyName: name })
    .where(eq(source.id, child.id))
    .returning();
  if (!updated) throw new Error(`agency ${child.id} vanished while being renamed`);
  return updated;
}

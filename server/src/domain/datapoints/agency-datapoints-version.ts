/** The version of every value of an agency, for Explore Data (db/queries/data-versions.ts). */
import type { Executor } from '../../db/database.ts';
import { agencyValuesVersion } from '../../db/queries/data-versions.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';

export async function getAgencyDatapointsVersion(db: Executor, actor: Actor, input: { agencyId: number }) {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agencyId);
  return (await agencyValuesVersion(db, agency.id)) ?? '';
}

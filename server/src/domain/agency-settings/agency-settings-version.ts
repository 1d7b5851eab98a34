/** The version of the agency settings answer for this viewer (db/queries/data-versions.ts). */
import type { Executor } from '../../db/database.ts';
import { agencySettingsVersion } from '../../db/queries/data-versions.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';

export async function getAgencySettingsVersion(db: Executor, actor: Actor, input: { agencyId: number }) {
  const agency = await getAgencyForAction(db, actor, 'agency.view', input.agencyId);
  return (await agencySettingsVersion(db, agency.id, actor.userId)) ?? '';
}

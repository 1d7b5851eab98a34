/**
 * The signed-in member's guidance progress in an agency, set to the five open topics the first
 * time it is read. A member through a superagency has no membership row in the child agency, so
 * they are shown the open topics and nothing is stored.
 */
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { defaultProgress, readProgress, type GuidanceTopic } from './guidance-rules.ts';
import { ownMembershipWhere } from './own-membership.ts';

export async function getGuidanceProgress(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<GuidanceTopic[]> {
  const agency = await getAgencyForAction(db, actor, 'membership.edit_own', input.agencyId);
  const where = ownMembershipWhere(actor, agency.id);
  const [row] = where
    ? await db
        .select({ progress: agencyUserAccountAssociation.guidanceProgress })
        .from(agencyUserAccountAssociation)
        .where(where)
    : [];
  const stored = readProgress(row?.progress);
  if (stored) return stored;
  const fresh = defaultProgress();
  if (row) await db.update(agencyUserAccountAssociation).set({ guidanceProgress: fresh }).where(where);
  return fresh;
}

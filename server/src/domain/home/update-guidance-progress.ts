/**
 * Marks one guidance topic done or not for the signed-in member. The membership row is locked
 * while the list is read and written back, so two tabs cannot lose each other's change. Progress never read before starts from the
 * five open topics (the reference answered 500 here).
 */
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { defaultProgress, readProgress, withTopic, type GuidanceTopic } from './guidance-rules.ts';
import { ownMembershipWhere } from './own-membership.ts';

export interface UpdateGuidanceInput {
  agencyId: number;
  topic: GuidanceTopic;
}

export async function updateGuidanceProgress(
  db: Executor,
  actor: Actor,
  input: UpdateGuidanceInput,
): Promise<GuidanceTopic[]> {
  const agency = await getAgencyForAction(db, actor, 'membership.edit_own', input.agencyId);
  const where = ownMembershipWhere(actor, agency.id);
  const missing = () =>
    notFound(
      `Your own membership of agency ${agency.id} (members through a superagency keep no guidance progress there)`,
    );
  if (!where) throw missing();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ progress: agencyUserAccountAssociation.guidanceProgress })
      .from(agencyUserAccountAssociation)
      .where(where)
      .for('update');
    if (!row) throw missing();
    const progress = withTopic(readProgress(row.progress) ?? defaultProgress(), input.topic);
    await tx.update(agencyUserAccountAssociation).set({ guidanceProgress: progress }).where(where);
    return progress;
  });
}

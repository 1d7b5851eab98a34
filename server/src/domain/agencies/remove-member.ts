/**
 * An agency admin removes a member, or revokes a pending invitation (same thing: the membership
 * goes, and so does any unused invitation link to this agency). For a superagency the member
 * also leaves its child agencies, so removal really ends access.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, authToken } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getManagedMember } from './find-member.ts';

export interface RemoveMemberInput {
  agencyId: number;
  email: string;
  now: Date;
}

export async function removeMember(db: Executor, actor: Actor, input: RemoveMemberInput) {
  const { agency, member, agencyIds } = await getManagedMember(
    db,
    actor,
    input,
    'you cannot remove yourself; ask another admin of this agency',
  );
  await db.transaction(async (tx) => {
    await tx
      .delete(agencyUserAccountAssociation)
      .where(
        and(
          eq(agencyUserAccountAssociation.userAccountId, member.userId),
          inArray(agencyUserAccountAssociation.agencyId, agencyIds),
        ),
      );
    await tx
      .update(authToken)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(authToken.kind, 'INVITATION'),
          eq(authToken.userAccountId, member.userId),
          eq(authToken.agencyId, agency.id),
          isNull(authToken.usedAt),
        ),
      );
  });
  return { userId: member.userId };
}

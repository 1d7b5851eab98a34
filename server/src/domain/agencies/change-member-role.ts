/**
 * An agency admin changes a member's role (in the agency and, for a superagency, in the children
 * the member belongs to). Nobody changes their own role or hands out more than they have.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { getManagedMember } from './find-member.ts';
import { assertMayGrant } from './team-rules.ts';

export interface ChangeMemberRoleInput {
  agencyId: number;
  email: string;
  role: AgencyRole;
}

export async function changeMemberRole(db: Executor, actor: Actor, input: ChangeMemberRoleInput) {
  const { actorRole, member, agencyIds } = await getManagedMember(
    db,
    actor,
    input,
    'you cannot change your own role; ask another admin of this agency',
  );
  assertMayGrant(actorRole, input.role);
  await db
    .update(agencyUserAccountAssociation)
    .set({ role: input.role })
    .where(
      and(
        eq(agencyUserAccountAssociation.userAccountId, member.userId),
        inArray(agencyUserAccountAssociation.agencyId, agencyIds),
      ),
    );
  return { userId: member.userId, role: input.role };
}

/**
 * An agency admin changes a member's role (in the agency and, for a superagency, in the children
 * the member belongs to). Nobody changes their own role or hands out more than they have.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { invalid } from '../errors.ts';
import { effectiveRole, getAgencyForAction } from '../permissions.ts';
import { checkEmail } from '../users/user-rules.ts';
import { getMemberByEmail } from './find-member.ts';
import { assertMayGrant, assertMayManageMember } from './team-rules.ts';
import { agencyWithChildren } from '../../db/queries/agencies.ts';

export interface ChangeMemberRoleInput {
  agencyId: number;
  email: string;
  role: AgencyRole;
}

export async function changeMemberRole(db: Executor, actor: Actor, input: ChangeMemberRoleInput) {
  const agency = await getAgencyForAction(db, actor, 'team.manage', input.agencyId);
  const actorRole = effectiveRole(actor, agency) ?? null;
  const member = await getMemberByEmail(db, agency.id, checkEmail(input.email), actorRole);
  if (member.userId === actor.userId) {
    throw invalid('email', 'you cannot change your own role; ask another admin of this agency');
  }
  assertMayManageMember(actorRole, member.role);
  assertMayGrant(actorRole, input.role);
  const agencyIds = await agencyWithChildren(db, agency.id);
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

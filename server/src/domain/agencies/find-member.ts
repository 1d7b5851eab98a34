/** Finds a member of an agency by email, as the viewer is allowed to see them. */
import type { Executor } from '../../db/database.ts';
import { agencyWithChildren, type AgencyRow } from '../../db/queries/agencies.ts';
import { findMembers } from '../../db/queries/users.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { invalid, notFound } from '../errors.ts';
import { effectiveRole, getAgencyForAction } from '../permissions.ts';
import { checkEmail } from '../users/user-rules.ts';
import { assertMayManageMember, isVisibleMember } from './team-rules.ts';

export interface Member {
  userId: number;
  email: string | null;
  role: AgencyRole | null;
  invitationStatus: string | null;
}

/** The member with this email; not found when absent or hidden from this viewer. */
export async function getMemberByEmail(
  db: Executor,
  agencyId: number,
  email: string,
  viewerRole: AgencyRole | null,
): Promise<Member> {
  const [row] = await findMembers(db, agencyId, email);
  if (!row || !isVisibleMember(viewerRole, row.role, row.isPlatformAdmin)) {
    throw notFound(`A member with the email ${email} in agency ${agencyId}`);
  }
  return { userId: row.userId, email: row.email, role: row.role, invitationStatus: row.invitationStatus };
}

export interface ManagedMember {
  agency: AgencyRow;
  actorRole: AgencyRole | null;
  member: Member;
  /** The agency and, for a superagency, its children: where a change to the member applies. */
  agencyIds: number[];
}

/**
 * The member a team manager acts on: the manager may manage the team and this member, and is not
 * the member (`ownRefusal` says why not, in the words of the change).
 */
export async function getManagedMember(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; email: string },
  ownRefusal: string,
): Promise<ManagedMember> {
  const agency = await getAgencyForAction(db, actor, 'team.manage', input.agencyId);
  const actorRole = effectiveRole(actor, agency) ?? null;
  const member = await getMemberByEmail(db, agency.id, checkEmail(input.email), actorRole);
  if (member.userId === actor.userId) throw invalid('email', ownRefusal);
  assertMayManageMember(actorRole, member.role);
  return { agency, actorRole, member, agencyIds: await agencyWithChildren(db, agency.id) };
}

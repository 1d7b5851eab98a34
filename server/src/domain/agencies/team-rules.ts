/**
 * Pure rules of team management: which role an invitee gets, who may hand out which role, and
 * which members a viewer sees. Justice Counts staff stay out of other agencies' team lists.
 */
import type { AgencyRole } from '../actor.ts';
import { forbidden } from '../errors.ts';

/** Roles an agency can give its members; JUSTICE_COUNTS_ADMIN is given by Justice Counts staff only. */
export const ASSIGNABLE_ROLES = ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'] as const satisfies readonly AgencyRole[];

export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

const RANK: Record<AgencyRole, number> = { READ_ONLY: 0, CONTRIBUTOR: 1, AGENCY_ADMIN: 2, JUSTICE_COUNTS_ADMIN: 3 };

/** Roles as the web app names them, for refusals people read. */
const ROLE_WORDS: Record<AgencyRole, string> = {
  READ_ONLY: 'Read only',
  CONTRIBUTOR: 'Contributor',
  AGENCY_ADMIN: 'Agency admin',
  JUSTICE_COUNTS_ADMIN: 'Justice Counts admin',
};

const isAdmin = (role: AgencyRole | null) => role === 'AGENCY_ADMIN' || role === 'JUSTICE_COUNTS_ADMIN';

/**
 * The invitee's role: what the inviter asked for, or by default AGENCY_ADMIN from an admin (as
 * in the reference) and CONTRIBUTOR from a contributor. Nobody hands out more than they have.
 */
export function inviteRole(inviterRole: AgencyRole | null, requested: AgencyRole | undefined): AgencyRole {
  const role = requested ?? (isAdmin(inviterRole) ? 'AGENCY_ADMIN' : 'CONTRIBUTOR');
  assertMayGrant(inviterRole, role);
  return role;
}

/** The roles the actor may give, most access first: those at or below their own. */
export function grantableRoles(actorRole: AgencyRole | null): AssignableRole[] {
  const own = actorRole === null ? -1 : RANK[actorRole];
  return ASSIGNABLE_ROLES.filter((role) => RANK[role] <= own);
}

/** Refuses a role above the actor's own; JUSTICE_COUNTS_ADMIN only from Justice Counts staff. */
export function assertMayGrant(actorRole: AgencyRole | null, role: AgencyRole): void {
  const own = actorRole === null ? -1 : RANK[actorRole];
  const needed = role === 'JUSTICE_COUNTS_ADMIN' ? RANK.JUSTICE_COUNTS_ADMIN : RANK[role];
  if (own < needed) {
    const yours = actorRole === null ? 'you have no role in this agency' : `you are ${ROLE_WORDS[actorRole]}`;
    throw forbidden(
      `You cannot give the ${ROLE_WORDS[role]} role: ${yours}, and nobody gives a role above their own. Ask an agency admin.`,
    );
  }
}

/** Justice Counts staff members are listed only to other Justice Counts staff. */
export function isVisibleMember(
  viewerRole: AgencyRole | null,
  memberRole: AgencyRole | null,
  memberIsPlatformAdmin: boolean,
) {
  if (viewerRole === 'JUSTICE_COUNTS_ADMIN') return true;
  return memberRole !== 'JUSTICE_COUNTS_ADMIN' && !memberIsPlatformAdmin;
}

/** Only Justice Counts staff change or remove a Justice Counts staff member. */
export function mayManageMemberRole(actorRole: AgencyRole | null, memberRole: AgencyRole | null): boolean {
  return memberRole !== 'JUSTICE_COUNTS_ADMIN' || actorRole === 'JUSTICE_COUNTS_ADMIN';
}

export function assertMayManageMember(actorRole: AgencyRole | null, memberRole: AgencyRole | null): void {
  if (!mayManageMemberRole(actorRole, memberRole)) {
    throw forbidden('Justice Counts staff members can only be changed by Justice Counts staff.');
  }
}

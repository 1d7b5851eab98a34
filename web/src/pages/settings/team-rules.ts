/** How the Team Members tab lists people and which changes it offers, as pure functions. */
import type { MemberRole } from '../../api/session.ts';
import type { TeamMember } from '@jc/server/contract';
import { roleLabel } from '../../rules/role-labels.ts';

/** Contributor unless the viewer may not give it (then the highest they may, as the server lists them). */
export function defaultInviteRole(grantable: readonly MemberRole[]): MemberRole | undefined {
  return grantable.includes('CONTRIBUTOR') ? 'CONTRIBUTOR' : grantable[0];
}

export const isPending = (member: TeamMember) => member.invitation_status === 'PENDING';

/** What the Status column says: "Invited" until accepted, then the role. */
export function statusLabel(member: TeamMember): string {
  if (isPending(member)) return 'Invited';
  if (member.invitation_status === 'ERRORED') return 'Invitation failed';
  return member.role ? roleLabel(member.role) : 'No role';
}

/** Invited people first, then everyone else; each group by name (then email). */
export function sortTeam(team: readonly TeamMember[]): TeamMember[] {
  const key = (m: TeamMember) => (m.name || m.email || '').toLocaleLowerCase();
  return [...team].sort(
    (a, b) =>
      Number(isPending(b)) - Number(isPending(a)) ||
      key(a).localeCompare(key(b)) ||
      a.user_account_id - b.user_account_id,
  );
}

export type MemberAction =
  { kind: 'role'; role: MemberRole; current: boolean } | { kind: 'remove'; label: 'Remove' | 'Revoke' };

/**
 * The choices in a member's menu, exactly as the server allows them for this member (its one
 * permission table decides; nothing is re-derived here): each role the viewer may give, then
 * Remove, or Revoke for an invitation not yet accepted.
 */
export function memberActions(member: TeamMember): MemberAction[] {
  const roles = member.can.change_role
    ? member.grantable_roles.map((role) => ({ kind: 'role' as const, role, current: member.role === role }))
    : [];
  if (!member.can.remove) return roles;
  const invited = isPending(member) || member.invitation_status === 'ERRORED';
  return [...roles, { kind: 'remove', label: invited ? 'Revoke' : 'Remove' }];
}

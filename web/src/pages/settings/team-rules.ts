/** How the Team Members tab lists people and which changes it offers, as pure functions. */
import type { AgencyRole } from '../../api/session.ts';
import type { MemberRole, TeamMember } from '../../api/team.ts';

const ROLE_LABELS: Record<AgencyRole, string> = {
  AGENCY_ADMIN: 'Admin',
  CONTRIBUTOR: 'Contributor',
  READ_ONLY: 'Read Only',
  JUSTICE_COUNTS_ADMIN: 'JC Admin',
};

export const isPending = (member: TeamMember) => member.invitation_status === 'PENDING';

/** What the Status column says: "Invited" until accepted, then the role. */
export function statusLabel(member: TeamMember): string {
  if (isPending(member)) return 'Invited';
  if (member.invitation_status === 'ERRORED') return 'Invitation failed';
  return member.role ? ROLE_LABELS[member.role] : 'No role';
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

export const canInvite = (role: AgencyRole | null) => role !== null && role !== 'READ_ONLY';
export const canManageTeam = (role: AgencyRole | null) => role === 'AGENCY_ADMIN' || role === 'JUSTICE_COUNTS_ADMIN';

export type MemberAction =
  { kind: 'role'; role: MemberRole; current: boolean } | { kind: 'remove'; label: 'Remove' | 'Revoke' };

/**
 * The choices in a member's menu: none for yourself, for Justice Counts staff, or when the viewer
 * cannot manage the team; Admin/Contributor for accepted members; Remove, or Revoke an invitation.
 */
export function memberActions(viewerRole: AgencyRole | null, viewerId: number, member: TeamMember): MemberAction[] {
  if (!canManageTeam(viewerRole) || member.user_account_id === viewerId || member.role === 'JUSTICE_COUNTS_ADMIN') {
    return [];
  }
  if (isPending(member) || member.invitation_status === 'ERRORED') return [{ kind: 'remove', label: 'Revoke' }];
  const roles: MemberRole[] = ['AGENCY_ADMIN', 'CONTRIBUTOR'];
  return [
    ...roles.map((role) => ({ kind: 'role' as const, role, current: member.role === role })),
    { kind: 'remove', label: 'Remove' },
  ];
}

export const roleLabel = (role: AgencyRole) => ROLE_LABELS[role];

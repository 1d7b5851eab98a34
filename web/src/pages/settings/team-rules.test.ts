import { describe, expect, it } from 'vitest';
import type { Abilities } from '../../api/session.ts';
import type { TeamMember } from '../../api/team.ts';
import { defaultInviteRole, memberActions, sortTeam, statusLabel } from './team-rules.ts';

const viewer = (manage: boolean, grantableRoles: Abilities['grantableRoles']): Abilities => ({
  can: { ...({} as Abilities['can']), 'team.manage': manage },
  grantableRoles,
});
const admin = viewer(true, ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);

const member = (id: number, name: string, overrides: Partial<TeamMember> = {}): TeamMember => ({
  auth0_user_id: null,
  email: `${name.toLowerCase()}@agency.gov`,
  invitation_status: 'ACCEPTED',
  name,
  role: 'CONTRIBUTOR',
  user_account_id: id,
  ...overrides,
});

describe('sortTeam', () => {
  it('lists invited people first, each group by name', () => {
    const team = [
      member(1, 'Zoe'),
      member(2, 'Bob', { invitation_status: 'PENDING' }),
      member(3, 'amy'),
      member(4, 'Al', { invitation_status: 'PENDING' }),
    ];
    expect(sortTeam(team).map((m) => m.name)).toEqual(['Al', 'Bob', 'amy', 'Zoe']);
  });
});

describe('statusLabel', () => {
  it('says Invited until accepted, then the role in words', () => {
    expect(statusLabel(member(1, 'A', { invitation_status: 'PENDING', role: 'AGENCY_ADMIN' }))).toBe('Invited');
    expect(statusLabel(member(1, 'A', { role: 'AGENCY_ADMIN' }))).toBe('Agency admin');
    expect(statusLabel(member(1, 'A', { role: 'READ_ONLY' }))).toBe('Read only');
  });
});

describe('memberActions', () => {
  it('offers admins the three roles and Remove, marking the current role', () => {
    expect(memberActions(admin, 9, member(1, 'A'))).toEqual([
      { kind: 'role', role: 'AGENCY_ADMIN', current: false },
      { kind: 'role', role: 'CONTRIBUTOR', current: true },
      { kind: 'role', role: 'READ_ONLY', current: false },
      { kind: 'remove', label: 'Remove' },
    ]);
  });

  it('offers Revoke for an invitation', () => {
    expect(memberActions(admin, 9, member(1, 'A', { invitation_status: 'PENDING' }))).toEqual([
      { kind: 'remove', label: 'Revoke' },
    ]);
  });

  it('offers nothing on yourself, on Justice Counts staff, or to contributors', () => {
    expect(memberActions(admin, 1, member(1, 'A'))).toEqual([]);
    expect(memberActions(admin, 9, member(1, 'A', { role: 'JUSTICE_COUNTS_ADMIN' }))).toEqual([]);
    expect(memberActions(viewer(false, ['CONTRIBUTOR', 'READ_ONLY']), 9, member(1, 'A'))).toEqual([]);
  });
});

describe('defaultInviteRole', () => {
  it('picks Contributor when the server lets the viewer give it, else the first role offered', () => {
    expect(defaultInviteRole(['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'])).toBe('CONTRIBUTOR');
    expect(defaultInviteRole(['READ_ONLY'])).toBe('READ_ONLY');
    expect(defaultInviteRole([])).toBeUndefined();
  });
});

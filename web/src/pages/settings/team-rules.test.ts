import { describe, expect, it } from 'vitest';
import type { TeamMember } from '@jc/server/contract';
import { defaultInviteRole, memberActions, sortTeam, statusLabel } from './team-rules.ts';

const member = (id: number, name: string, overrides: Partial<TeamMember> = {}): TeamMember => ({
  auth0_user_id: null,
  email: `${name.toLowerCase()}@agency.gov`,
  invitation_status: 'ACCEPTED',
  name,
  role: 'CONTRIBUTOR',
  user_account_id: id,
  can: { change_role: false, remove: false },
  grantable_roles: [],
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
  const managed: Partial<TeamMember> = {
    can: { change_role: true, remove: true },
    grantable_roles: ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'],
  };

  it('offers the roles the server lists for the member and Remove, marking the current role', () => {
    expect(memberActions(member(1, 'A', { ...managed, grantable_roles: ['CONTRIBUTOR', 'READ_ONLY'] }))).toEqual([
      { kind: 'role', role: 'CONTRIBUTOR', current: true },
      { kind: 'role', role: 'READ_ONLY', current: false },
      { kind: 'remove', label: 'Remove' },
    ]);
  });

  it('calls removing an invitation Revoke', () => {
    expect(memberActions(member(1, 'A', { ...managed, invitation_status: 'PENDING' })).at(-1)).toEqual({
      kind: 'remove',
      label: 'Revoke',
    });
  });

  it('offers nothing the server does not allow, whatever the member’s role', () => {
    expect(memberActions(member(1, 'A', { role: 'AGENCY_ADMIN' }))).toEqual([]);
    expect(memberActions(member(1, 'A', { can: { change_role: false, remove: true } }))).toEqual([
      { kind: 'remove', label: 'Remove' },
    ]);
  });
});

describe('defaultInviteRole', () => {
  it('picks Contributor when the server lets the viewer give it, else the first role offered', () => {
    expect(defaultInviteRole(['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'])).toBe('CONTRIBUTOR');
    expect(defaultInviteRole(['READ_ONLY'])).toBe('READ_ONLY');
    expect(defaultInviteRole([])).toBeUndefined();
  });
});

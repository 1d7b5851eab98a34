import { describe, expect, it } from 'vitest';
import { assertMayGrant, assertMayManageMember, inviteRole, isVisibleMember } from './team-rules.ts';

describe('inviteRole', () => {
  it('defaults to admin from an admin and contributor from a contributor', () => {
    expect(inviteRole('AGENCY_ADMIN', undefined)).toBe('AGENCY_ADMIN');
    expect(inviteRole('JUSTICE_COUNTS_ADMIN', undefined)).toBe('AGENCY_ADMIN');
    expect(inviteRole('CONTRIBUTOR', undefined)).toBe('CONTRIBUTOR');
  });

  it('gives what was asked for, up to the inviter own role', () => {
    expect(inviteRole('AGENCY_ADMIN', 'READ_ONLY')).toBe('READ_ONLY');
    expect(() => inviteRole('CONTRIBUTOR', 'AGENCY_ADMIN')).toThrow(
      'You cannot give the Agency admin role: you are Contributor, and nobody gives a role above their own. Ask an agency admin.',
    );
  });
});

describe('assertMayGrant', () => {
  it('keeps JUSTICE_COUNTS_ADMIN for Justice Counts staff', () => {
    expect(() => assertMayGrant('AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN')).toThrow(
      'You cannot give the Justice Counts admin role',
    );
    expect(() => assertMayGrant('JUSTICE_COUNTS_ADMIN', 'JUSTICE_COUNTS_ADMIN')).not.toThrow();
    expect(() => assertMayGrant(null, 'READ_ONLY')).toThrow('you have no role in this agency');
  });
});

describe('isVisibleMember', () => {
  it('hides Justice Counts staff from everyone but Justice Counts staff', () => {
    expect(isVisibleMember('AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', false)).toBe(false);
    expect(isVisibleMember('AGENCY_ADMIN', 'AGENCY_ADMIN', true)).toBe(false);
    expect(isVisibleMember('AGENCY_ADMIN', 'CONTRIBUTOR', false)).toBe(true);
    expect(isVisibleMember('JUSTICE_COUNTS_ADMIN', 'JUSTICE_COUNTS_ADMIN', true)).toBe(true);
  });
});

describe('assertMayManageMember', () => {
  it('lets only Justice Counts staff change Justice Counts staff', () => {
    expect(() => assertMayManageMember('AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN')).toThrow('Justice Counts staff');
    expect(() => assertMayManageMember('AGENCY_ADMIN', 'CONTRIBUTOR')).not.toThrow();
  });
});

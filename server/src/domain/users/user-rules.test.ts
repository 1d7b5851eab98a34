import { describe, expect, it } from 'vitest';
import { accessChanges, checkEmail, checkRole, checkUserName } from './user-rules.ts';

describe('user rules', () => {
  it('lower-cases and trims emails, and refuses non-addresses', () => {
    expect(checkEmail(' Ada@Example.ORG ')).toBe('ada@example.org');
    expect(() => checkEmail('ada@example')).toThrow('email: "ada@example" is not an email address');
    expect(() => checkEmail('a b@example.org')).toThrow('is not an email address');
  });

  it('accepts the four roles only', () => {
    expect(checkRole('CONTRIBUTOR')).toBe('CONTRIBUTOR');
    expect(() => checkRole('OWNER')).toThrow(
      'role: "OWNER" is not a role; choose from AGENCY_ADMIN, JUSTICE_COUNTS_ADMIN, CONTRIBUTOR, READ_ONLY',
    );
  });

  it('needs a name', () => {
    expect(checkUserName(' Ada ')).toBe('Ada');
    expect(() => checkUserName('')).toThrow('name: must not be empty');
  });

  it('adds the wanted agencies a user lacks and removes the ones no longer wanted', () => {
    expect(accessChanges([1, 2, 3], [3, 4, 4])).toEqual({ add: [4], remove: [1, 2] });
    expect(accessChanges([], [])).toEqual({ add: [], remove: [] });
    expect(accessChanges([5], [5])).toEqual({ add: [], remove: [] });
  });
});

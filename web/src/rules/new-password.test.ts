import { describe, expect, it } from 'vitest';
import { newPasswordProblems } from './new-password.ts';

describe('newPasswordProblems', () => {
  it('accepts a long password typed twice', () => {
    expect(newPasswordProblems('river stone lamp', 'river stone lamp', 'a@b.gov')).toEqual({});
  });

  it('names what is wrong', () => {
    expect(newPasswordProblems('short', 'short', '').password).toBe('Use at least 10 characters.');
    expect(newPasswordProblems('aaaaaaaaaaaa', 'aaaaaaaaaaaa', '').password).toBe('Do not repeat a single character.');
    expect(newPasswordProblems('Jo@Agency.gov', 'Jo@Agency.gov', 'jo@agency.gov').password).toContain('email');
    expect(newPasswordProblems('river stone lamp', 'river stone', '')).toEqual({
      confirmation: 'The two passwords are not the same.',
    });
  });
});

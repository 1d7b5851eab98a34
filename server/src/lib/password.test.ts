import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem } from './password.ts';

describe('passwordProblem', () => {
  it('accepts ten characters or more', () => {
    expect(passwordProblem('justice-counts-demo')).toBeUndefined();
    expect(passwordProblem('0123456789')).toBeUndefined();
  });

  it('names the length it needs and the length it got', () => {
    expect(passwordProblem('short')).toBe('must be at least 10 characters long (got 5)');
    expect(passwordProblem('x'.repeat(201))).toBe('must be at most 200 characters long (got 201)');
    expect(passwordProblem(' '.repeat(12))).toBe('must not be only spaces');
  });

  it('refuses one repeated character and the email address', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('must not repeat one character only');
    expect(passwordProblem('Ada@Example.org', 'ada@example.org')).toBe('must not be your email address');
    expect(passwordProblem('ada@example.org!', 'ada@example.org')).toBeUndefined();
  });
});

describe('hashPassword', () => {
  it('stores an argon2id hash that verifies', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash.startsWith('$argon2id$v=19$m=19456,p=1,t=2$')).toBe(true);
    expect(await argon2.verify(hash, 'a long enough password')).toBe(true);
  });

  it('still verifies a hash stored with the library defaults before', async () => {
    const older = await argon2.hash('a long enough password', { type: argon2.argon2id });
    expect(older).toContain('$m=65536,p=4,t=3$');
    expect(await argon2.verify(older, 'a long enough password')).toBe(true);
  });

  it('refuses a short password with a field-named message', async () => {
    await expect(hashPassword('short')).rejects.toThrow('password: must be at least 10 characters long (got 5)');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { cleanCode, codeProblem, groupedSecret, isSignInExpired, recoveryCodesText } from './two-factor-rules.ts';

describe('codeProblem', () => {
  it('takes six digits from the app, with or without the space apps show', () => {
    expect(codeProblem('123456', 'app')).toBeUndefined();
    expect(codeProblem(' 123 456 ', 'app')).toBeUndefined();
    expect(cleanCode(' 123 456 ', 'app')).toBe('123456');
  });

  it('refuses an app code that is blank, short or not digits', () => {
    for (const code of ['', '12345', '1234567', 'abcdef']) {
      expect(codeProblem(code, 'app')).toBe('Enter the six-digit code your app shows.');
    }
  });

  it('takes a recovery code in any case, with or without its dash', () => {
    expect(codeProblem('ABCDE-FGHJK', 'recovery')).toBeUndefined();
    expect(codeProblem('abcdefghjk', 'recovery')).toBeUndefined();
  });

  it('refuses a recovery code that is blank, too short or an app code', () => {
    for (const code of ['', 'ABC', '123456']) {
      expect(codeProblem(code, 'recovery')).toBe('Enter one of your recovery codes, like ABCDE-FGHJK.');
    }
  });
});

describe('the enrolment and recovery texts', () => {
  it('groups the secret in fours', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPJBSW')).toBe('JBSW Y3DP EHPK 3PXP JBSW');
    expect(groupedSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('writes the codes one a line under a heading naming the account', () => {
    const text = recoveryCodesText(['AAAAA-BBBBB', 'CCCCC-DDDDD'], 'ada@example.gov');
    expect(text.split('\n')).toEqual([
      'Justice Counts Publisher recovery codes for ada@example.gov',
      'Each code signs you in once instead of a code from your authenticator app.',
      '',
      'AAAAA-BBBBB',
      'CCCCC-DDDDD',
      '',
    ]);
  });
});

describe('isSignInExpired', () => {
  it('is true only for a problem with the sign-in token', () => {
    const problem = (field: string) =>
      new ApiError({ status: 400, code: 'invalid_input', description: '', details: [{ field, message: 'expired' }] });
    expect(isSignInExpired(problem('body.token'))).toBe(true);
    expect(isSignInExpired(problem('body.code'))).toBe(false);
    expect(isSignInExpired(new ApiError({ status: 401, code: 'unauthenticated', description: 'wrong' }))).toBe(false);
  });
});

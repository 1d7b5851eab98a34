import { describe, expect, it } from 'vitest';
import {
  codeAt,
  enrolmentLink,
  hashRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  qrRows,
  stepAt,
} from './totp-rules.ts';

const at = new Date('2026-12-05T12:00:00Z');

describe('time-based codes', () => {
  it('accepts the current code and the codes of the neighbouring steps, naming their step', () => {
    const secret = newTotpSecret();
    expect(matchingStep(secret, codeAt(secret, at), at)).toBe(stepAt(at));
    expect(matchingStep(secret, codeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(stepAt(at) - 1);
    expect(matchingStep(secret, codeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(stepAt(at) + 1);
  });

  it('refuses a code from two steps away and a code of another secret', () => {
    const secret = newTotpSecret();
    expect(matchingStep(secret, codeAt(secret, new Date(at.getTime() - 90_000)), at)).toBeUndefined();
    const other = codeAt(newTotpSecret(), at);
    if (other !== codeAt(secret, at)) expect(matchingStep(secret, other, at)).toBeUndefined();
  });

  it('knows a six-digit code from anything else', () => {
    expect(isTotpCode('012345')).toBe(true);
    expect(['12345', '1234567', 'abcdef', ' 123456'].map(isTotpCode)).toEqual([false, false, false, false]);
  });
});

describe('enrolment', () => {
  it('makes an otpauth link naming the issuer and the person', () => {
    const link = enrolmentLink('JBSWY3DPEHPK3PXP', 'ana@agency.gov');
    expect(link).toMatch(/^otpauth:\/\/totp\/Justice%20Counts%20Publisher:ana%40agency\.gov\?/);
    expect(link).toContain('secret=JBSWY3DPEHPK3PXP');
  });

  it('draws the QR code as square rows of modules', () => {
    const rows = qrRows('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP');
    expect(rows.length).toBeGreaterThanOrEqual(21);
    expect(rows.every((row) => row.length === rows.length && /^[01]+$/.test(row))).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are two groups of five unambiguous characters, all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    expect(codes.every((code) => /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(50);
  });

  it('hash the same however they are typed', () => {
    expect(hashRecoveryCode('abcde fghjk')).toBe(hashRecoveryCode('ABCDE-FGHJK'));
    expect(hashRecoveryCode('ABCDE-FGHJK')).not.toBe(hashRecoveryCode('ABCDE-FGHJM'));
  });
});

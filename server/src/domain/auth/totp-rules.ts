/**
 * The pure rules of two-factor sign-in: time-based codes (RFC 6238: SHA-1, six digits, 30-second
 * steps, as every authenticator app expects), the enrolment link and picture, and recovery codes.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const ISSUER = 'Justice Counts Publisher';
const PERIOD_SECONDS = 30;
/** A code from the step before or after is accepted too, for clocks a little apart. */
const STEPS_EITHER_SIDE = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Recovery codes avoid letters people confuse (0/O, 1/I/L). */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RECOVERY_CODE_CHARS = 10;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });
}

export const stepAt = (at: Date): number => Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);

/** The step whose code this is, near `at`; undefined when it matches none. */
export function matchingStep(secret: string, code: string, at: Date): number | undefined {
  const delta = totpOf(secret).validate({ token: code, timestamp: at.getTime(), window: STEPS_EITHER_SIDE });
  return delta === null ? undefined : stepAt(at) + delta;
}

/** The code an authenticator app shows at `at` (tests and the CLI use it). */
export const codeAt = (secret: string, at: Date): string => totpOf(secret).generate({ timestamp: at.getTime() });

/** The otpauth:// link an authenticator app reads from the QR code. */
export const enrolmentLink = (secret: string, email: string): string => totpOf(secret, email).toString();

/** The QR code of `text` as rows of '1' (dark) and '0' (light) modules, for the web app to draw. */
export function qrRows(text: string): string[] {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: size }, (_, row) =>
    Array.from(data.subarray(row * size, (row + 1) * size), (dark) => (dark ? '1' : '0')).join(''),
  );
}

export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code);

/** Upper case without spaces or dashes, so "abcde-fghjk" and "ABCDEFGHJK" are the same code. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** A fresh recovery code, shown as two groups of five ("ABCDE-FGHJK"). */
export function newRecoveryCode(): string {
  const chars = Array.from(
    { length: RECOVERY_CODE_CHARS },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  );
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Recovery codes are random (about 50 bits), so a plain hash keeps them safe at rest. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

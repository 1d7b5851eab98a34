/**
 * CSRF tokens for cookie-authenticated writes: an issue time plus an HMAC over the session's own
 * secret and that time. They expire, and the expired message keeps the reference's exact words,
 * which its web client looks for before fetching a fresh token and retrying.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors.ts';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_TTL_MS = 8 * 60 * 60 * 1000;

function sign(appSecret: string, sessionCsrfSecret: string, issuedAt: number): string {
  return createHmac('sha256', appSecret).update(`${sessionCsrfSecret}.${issuedAt}`).digest('base64url');
}

export function issueCsrfToken(appSecret: string, sessionCsrfSecret: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${sign(appSecret, sessionCsrfSecret, issuedAt)}`;
}

export function verifyCsrfToken(
  appSecret: string,
  sessionCsrfSecret: string,
  token: string | undefined,
  now: Date,
): void {
  if (!token) {
    throw new DomainError(
      'csrf_invalid',
      'The CSRF token is missing. Send the X-CSRF-Token header from GET /api/init.',
    );
  }
  const [issuedText, signature] = token.split('.');
  const issuedAt = Number(issuedText);
  const expected = Number.isInteger(issuedAt) ? sign(appSecret, sessionCsrfSecret, issuedAt) : '';
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw new DomainError('csrf_invalid', 'The CSRF token is invalid.');
  }
  if (issuedAt * 1000 + CSRF_TTL_MS <= now.getTime()) {
    throw new DomainError('csrf_invalid', 'The CSRF token has expired.');
  }
}

/**
 * Slows down guessing: each sign-in attempt for one email from one address, and each two-factor
 * code entered for one person, is counted before it is checked, in one statement shared by every
 * server instance, so attempts sent all at once are counted one by one and only the first
 * MAX_LOGIN_FAILURES are checked. A successful attempt clears the count.
 */
import type { Executor } from '../../db/database.ts';
import { DomainError } from '../errors.ts';
import { countHit, forgetCounter } from '../../db/queries/rate-counters.ts';

export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_LOGIN_FAILURES = 5;
const WINDOW_MINUTES = LOGIN_FAILURE_WINDOW_MS / 60_000;

export interface LoginAttempt {
  email: string;
  clientIp: string;
}

const keyOf = (attempt: LoginAttempt) => `sign_in:${attempt.clientIp}:${attempt.email}`;
/** Codes are counted per person, wherever they come from: the password was right already. */
const codeKeyOf = (userId: number) => `two_factor:${userId}`;

async function countOrRefuse(db: Executor, key: string, now: Date, refusal: string): Promise<void> {
  const { hits } = await countHit(db, key, LOGIN_FAILURE_WINDOW_MS, now);
  if (hits > MAX_LOGIN_FAILURES) throw new DomainError('rate_limited', refusal);
}

/** Counts this attempt; refuses it (nothing checked) when the window's allowance is used up. */
export async function countSignInAttempt(db: Executor, attempt: LoginAttempt, now: Date): Promise<void> {
  const refusal = `Too many failed sign-in attempts for this email. Wait ${WINDOW_MINUTES} minutes, or reset your password.`;
  await countOrRefuse(db, keyOf(attempt), now, refusal);
}

export async function clearSignInAttempts(db: Executor, attempt: LoginAttempt): Promise<void> {
  await forgetCounter(db, keyOf(attempt));
}

/** The same allowance for two-factor codes (and recovery codes) entered for one person. */
export async function countCodeAttempt(db: Executor, userId: number, now: Date): Promise<void> {
  const refusal = `Too many wrong codes. Wait ${WINDOW_MINUTES} minutes, then try again.`;
  await countOrRefuse(db, codeKeyOf(userId), now, refusal);
}

export async function clearCodeAttempts(db: Executor, userId: number): Promise<void> {
  await forgetCounter(db, codeKeyOf(userId));
}

/**
 * Slows down password guessing: after too many failures for one email from one address within
 * the window, further attempts are refused until the window passes. Kept in PostgreSQL so every
 * server instance counts the same failures.
 */
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { loginFailure } from '../../db/schema.ts';
import type { Clock } from '../../ports.ts';
import { DomainError } from '../errors.ts';

export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_LOGIN_FAILURES = 5;

export interface LoginAttempt {
  email: string;
  clientIp: string;
}

const since = (clock: Clock) => new Date(clock.now().getTime() - LOGIN_FAILURE_WINDOW_MS);

export async function assertNotThrottled(db: Executor, attempt: LoginAttempt, clock: Clock): Promise<void> {
  const [row] = await db
    .select({ failures: count() })
    .from(loginFailure)
    .where(
      and(
        eq(loginFailure.email, attempt.email),
        eq(loginFailure.clientIp, attempt.clientIp),
        gt(loginFailure.createdAt, since(clock)),
      ),
    );
  if ((row?.failures ?? 0) >= MAX_LOGIN_FAILURES) {
    const minutes = LOGIN_FAILURE_WINDOW_MS / 60_000;
    throw new DomainError(
      'rate_limited',
      `Too many failed sign-in attempts for this email. Wait ${minutes} minutes, or reset your password.`,
    );
  }
}

export async function recordLoginFailure(db: Executor, attempt: LoginAttempt, clock: Clock): Promise<void> {
  await db.delete(loginFailure).where(lt(loginFailure.createdAt, since(clock)));
  await db.insert(loginFailure).values({ ...attempt, createdAt: clock.now() });
}

export async function clearLoginFailures(db: Executor, attempt: LoginAttempt): Promise<void> {
  await db
    .delete(loginFailure)
    .where(and(eq(loginFailure.email, attempt.email), eq(loginFailure.clientIp, attempt.clientIp)));
}

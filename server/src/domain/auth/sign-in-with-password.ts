/**
 * Email and password sign-in. Every failure gets the same answer, and an unknown email costs the
 * same hashing time as a known one, so the answer does not reveal who has an account.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import type { Clock } from '../../ports.ts';
import { DomainError } from '../errors.ts';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { startSession } from './start-session.ts';

export interface PasswordSignInInput {
  email: string;
  password: string;
  clientIp: string;
}

let dummyHash: Promise<string> | undefined;
/** A hash of nothing anyone knows, verified against when there is no real hash to check. */
function hashToWasteTimeOn(): Promise<string> {
  dummyHash ??= argon2.hash(randomBytes(32).toString('hex'), { type: argon2.argon2id });
  return dummyHash;
}

export async function passwordMatches(hash: string | null, password: string): Promise<boolean> {
  try {
    if (hash) return await argon2.verify(hash, password);
    await argon2.verify(await hashToWasteTimeOn(), password);
  } catch {
    // A hash argon2 cannot read never matches.
  }
  return false;
}

export async function signInWithPassword(
  db: Executor,
  input: PasswordSignInInput,
  clock: Clock,
): Promise<{ userId: number; token: string }> {
  const attempt = { email: input.email.trim().toLowerCase(), clientIp: input.clientIp };
  await assertNotThrottled(db, attempt, clock);
  const [user] = await db
    .select({ id: userAccount.id, passwordHash: userAccount.passwordHash })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${attempt.email}`);
  if (!(await passwordMatches(user?.passwordHash ?? null, input.password)) || !user) {
    await recordLoginFailure(db, attempt, clock);
    throw new DomainError('unauthenticated', 'Email or password is incorrect.');
  }
  await clearLoginFailures(db, attempt);
  const { token } = await startSession(db, user.id, clock);
  return { userId: user.id, token };
}

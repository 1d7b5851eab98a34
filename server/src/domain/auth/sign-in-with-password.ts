/**
 * Email and password sign-in. Every failure gets the same answer, and an unknown email costs the
 * same hashing time as a known one, so the answer does not reveal who has an account.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { recordSecurityEvent } from '../../db/queries/security-events.ts';
import { clearSignInAttempts, countSignInAttempt } from './login-throttle.ts';
import { signInAfterPassword, type SignInOutcome } from './sign-in-steps.ts';
import { PASSWORD_HASHING } from '../../lib/password.ts';

export interface PasswordSignInInput {
  email: string;
  password: string;
  clientIp: string;
  now: Date;
}

let dummyHash: Promise<string> | undefined;
/** A hash of nothing anyone knows, verified against when there is no real hash to check. */
function hashToWasteTimeOn(): Promise<string> {
  dummyHash ??= argon2.hash(randomBytes(32).toString('hex'), PASSWORD_HASHING);
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

type FailureReason = 'unknown_email' | 'no_password' | 'wrong_password' | 'throttled';

function failureReason(user: { passwordHash: string | null } | undefined): FailureReason {
  if (!user) return 'unknown_email';
  return user.passwordHash ? 'wrong_password' : 'no_password';
}

export async function signInWithPassword(db: Executor, input: PasswordSignInInput): Promise<SignInOutcome> {
  const attempt = { email: input.email.trim().toLowerCase(), clientIp: input.clientIp };
  const event = { kind: 'sign_in', userEmail: attempt.email, clientIp: attempt.clientIp, at: input.now } as const;
  try {
    await countSignInAttempt(db, attempt, input.now);
  } catch (error) {
    await recordSecurityEvent(db, { ...event, outcome: 'failure', userId: null, details: { reason: 'throttled' } });
    throw error;
  }
  const [user] = await db
    .select({ id: userAccount.id, passwordHash: userAccount.passwordHash })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${attempt.email}`);
  if (!(await passwordMatches(user?.passwordHash ?? null, input.password)) || !user) {
    const details = { method: 'password', reason: failureReason(user) };
    await recordSecurityEvent(db, { ...event, outcome: 'failure', userId: user?.id ?? null, details });
    throw new DomainError('unauthenticated', 'Email or password is incorrect.');
  }
  await clearSignInAttempts(db, attempt);
  const outcome = await signInAfterPassword(db, user.id, input.now);
  // With two-factor sign-in, the sign-in is recorded once the code is in (sign-in-steps.ts).
  if ('token' in outcome) await recordSecurityEvent(db, { ...event, userId: user.id, details: { method: 'password' } });
  return outcome;
}

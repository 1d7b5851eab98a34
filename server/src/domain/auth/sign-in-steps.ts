/**
 * The second step of a password sign-in. Once the password (or an emailed link) has proved who
 * somebody is, a person with two-factor sign-in gets a short-lived sign-in token instead of a
 * session, and trades it with a code for one; a person who must have two-factor sign-in but
 * has not set it up trades the token for an enrolment first. Single sign-on never comes here.
 */
import type { Executor } from '../../db/database.ts';
import {
  consumeEmailToken,
  findUsableEmailToken,
  issueEmailToken,
  SIGN_IN_STEP_TTL_MS,
} from '../../db/queries/email-tokens.ts';
import { startSession } from './start-session.ts';
import { DomainError } from '../errors.ts';
import { recordSecurityEvent } from '../../db/queries/security-events.ts';
import { checkSecondFactor } from './check-code.ts';
import { confirmEnrolment, startEnrolment, type Enrolment } from './enrolment.ts';
import { loadTwoFactorState } from './two-factor-state.ts';

export type TwoFactorStep = 'code' | 'enrol';

export type SignInOutcome =
  { userId: number; token: string } | { userId: number; twoFactor: { step: TwoFactorStep; token: string } };

export interface StepInput {
  /** The sign-in token handed out after the password. */
  token: string;
  clientIp: string | null;
  now: Date;
}

/** A session, or the two-factor step this person has to take first. */
export async function signInAfterPassword(db: Executor, userId: number, now: Date): Promise<SignInOutcome> {
  const state = await loadTwoFactorState(db, userId);
  if (!state.enabled && !state.requiredBy) return { userId, ...(await startSession(db, userId, now)) };
  const input = { kind: 'SIGN_IN_STEP', userAccountId: userId, ttlMs: SIGN_IN_STEP_TTL_MS, now } as const;
  const token = await issueEmailToken(db, input);
  return { userId, twoFactor: { step: state.enabled ? 'code' : 'enrol', token } };
}

async function finish(db: Executor, input: StepInput, details: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, 'SIGN_IN_STEP', input.token, input.now);
    const { token } = await startSession(tx, row.userAccountId, input.now);
    const event = { kind: 'sign_in', userId: row.userAccountId, clientIp: input.clientIp, at: input.now } as const;
    await recordSecurityEvent(tx, { ...event, details: { method: 'password', ...details } });
    return { userId: row.userAccountId, token };
  });
}

/** Trades the sign-in token and a code (from the app, or a recovery code) for a session. */
export async function signInWithCode(
  db: Executor,
  input: StepInput & { code: string },
): Promise<{ userId: number; token: string }> {
  const { userAccountId: userId } = await findUsableEmailToken(db, 'SIGN_IN_STEP', input.token, input.now);
  try {
    const factor = await checkSecondFactor(db, { userId, code: input.code, clientIp: input.clientIp, now: input.now });
    return await finish(db, input, { two_factor: factor });
  } catch (error) {
    const reason = error instanceof DomainError && error.code === 'rate_limited' ? 'throttled' : 'wrong_code';
    const event = { kind: 'sign_in', outcome: 'failure', userId, clientIp: input.clientIp, at: input.now } as const;
    await recordSecurityEvent(db, { ...event, details: { method: 'password', reason } });
    throw error;
  }
}

async function personToEnrol(db: Executor, input: StepInput): Promise<number> {
  const { userAccountId: userId } = await findUsableEmailToken(db, 'SIGN_IN_STEP', input.token, input.now);
  const state = await loadTwoFactorState(db, userId);
  if (state.enabled) throw new DomainError('conflict', 'Two-factor sign-in is already on; enter a code instead.');
  return userId;
}

/** A person who must have two-factor sign-in starts setting it up before their first session. */
export async function startEnrolmentAtSignIn(db: Executor, input: StepInput): Promise<Enrolment> {
  return startEnrolment(db, await personToEnrol(db, input), input.now);
}

/** Confirms that enrolment with a code and signs the person in; returns their recovery codes. */
export async function confirmEnrolmentAtSignIn(
  db: Executor,
  input: StepInput & { code: string },
): Promise<{ userId: number; token: string; recoveryCodes: string[] }> {
  const userId = await personToEnrol(db, input);
  const recoveryCodes = await confirmEnrolment(db, { userId, code: input.code, now: input.now });
  const event = { kind: 'two_factor_enabled', userId, clientIp: input.clientIp, at: input.now } as const;
  await recordSecurityEvent(db, { ...event, details: { at_sign_in: true } });
  return { ...(await finish(db, input, { two_factor: 'enrolled' })), recoveryCodes };
}

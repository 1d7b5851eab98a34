/**
 * A signed-in person's own two-factor sign-in, from Settings: see it, turn it on, get new
 * recovery codes, turn it off (not when it is required). Only through a browser session: an API
 * token or a single sign-on account cannot change it.
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { DomainError, forbidden } from '../errors.ts';
import { checkSecondFactor } from './check-code.ts';
import {
  confirmEnrolment,
  removeTwoFactor,
  replaceRecoveryCodes,
  startEnrolment,
  type Enrolment,
} from './enrolment.ts';
import { loadTwoFactorState, type TwoFactorState } from './two-factor-state.ts';

export interface CodeInput {
  code: string;
  clientIp: string | null;
  now: Date;
}

function ownUserId(actor: Actor): number {
  if (actor.userId === null || actor.authMethod !== 'session') {
    throw forbidden('Two-factor sign-in can be changed only by its owner, signed in to Publisher.');
  }
  return actor.userId;
}

export async function getMyTwoFactor(db: Executor, actor: Actor): Promise<TwoFactorState> {
  return loadTwoFactorState(db, ownUserId(actor));
}

export async function startMyEnrolment(db: Executor, actor: Actor, input: { now: Date }): Promise<Enrolment> {
  const userId = ownUserId(actor);
  const state = await loadTwoFactorState(db, userId);
  if (!state.hasPassword) {
    throw new DomainError(
      'conflict',
      'You sign in through your organization, whose own sign-in checks apply; Publisher has no password for you.',
    );
  }
  return startEnrolment(db, userId, input.now);
}

export async function confirmMyEnrolment(db: Executor, actor: Actor, input: CodeInput) {
  return confirmEnrolment(db, { userId: ownUserId(actor), code: input.code, now: input.now });
}

async function checkOwnCode(db: Executor, actor: Actor, input: CodeInput): Promise<number> {
  const userId = ownUserId(actor);
  if (!(await loadTwoFactorState(db, userId)).enabled) {
    throw new DomainError('conflict', 'Two-factor sign-in is not on for this account.');
  }
  await checkSecondFactor(db, { userId, code: input.code, clientIp: input.clientIp, now: input.now });
  return userId;
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function renewMyRecoveryCodes(db: Executor, actor: Actor, input: CodeInput) {
  const userId = await checkOwnCode(db, actor, input);
  return db.transaction((tx) => replaceRecoveryCodes(tx, userId));
}

const REQUIRED_BY = {
  staff: 'Justice Counts staff must use two-factor sign-in.',
  agency: 'An agency you belong to requires two-factor sign-in.',
};

/** Turns two-factor sign-in off after a current code, unless the person is required to have it. */
export async function turnOffMyTwoFactor(db: Executor, actor: Actor, input: CodeInput) {
  const { requiredBy } = await loadTwoFactorState(db, ownUserId(actor));
  if (requiredBy) throw new DomainError('conflict', `${REQUIRED_BY[requiredBy]} It cannot be turned off.`);
  const userId = await checkOwnCode(db, actor, input);
  await db.transaction((tx) => removeTwoFactor(tx, userId));
}

/**
 * What every way of signing in ends with: a fresh server-side session, and the user's pending
 * invitations marked accepted, since the invited person is now using the account (the reference
 * did this on the first load after sign-in).
 */
import type { Executor } from '../../db/database.ts';
import { acceptPendingInvitations } from '../../db/queries/users.ts';
import { createSession } from './sessions.ts';

export async function startSession(db: Executor, userAccountId: number, now: Date): Promise<{ token: string }> {
  await acceptPendingInvitations(db, userAccountId);
  return createSession(db, userAccountId, now);
}

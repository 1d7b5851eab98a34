/**
 * What every way of signing in ends with: a fresh server-side session, and the user's pending
 * invitations marked accepted, since the invited person is now using the account (the reference
 * did this on the first load after sign-in).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import { createSession } from './sessions.ts';

export async function acceptPendingInvitations(db: Executor, userAccountId: number): Promise<void> {
  await db
    .update(agencyUserAccountAssociation)
    .set({ invitationStatus: 'ACCEPTED' })
    .where(
      and(
        eq(agencyUserAccountAssociation.userAccountId, userAccountId),
        eq(agencyUserAccountAssociation.invitationStatus, 'PENDING'),
      ),
    );
}

export async function startSession(db: Executor, userAccountId: number, now: Date): Promise<{ token: string }> {
  await acceptPendingInvitations(db, userAccountId);
  return createSession(db, userAccountId, now);
}

/** Reads and writes of user accounts and memberships shared by more than one use case. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { agencyUserAccountAssociation, userAccount } from '../schema.ts';

export async function findUserIdByEmail(db: Executor, email: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${email.toLowerCase()}`);
  return row?.id;
}

export type InvitationStatus = 'PENDING' | 'ERRORED';

export async function setInvitationStatus(
  db: Executor,
  change: { userId: number; agencyIds: number[]; from: InvitationStatus; to: InvitationStatus },
) {
  await db
    .update(agencyUserAccountAssociation)
    .set({ invitationStatus: change.to })
    .where(
      and(
        eq(agencyUserAccountAssociation.userAccountId, change.userId),
        inArray(agencyUserAccountAssociation.agencyId, change.agencyIds),
        eq(agencyUserAccountAssociation.invitationStatus, change.from),
      ),
    );
}

/** Signing in accepts the person's pending invitations: the invited person is now using the account. */
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

/** Reads and writes of user accounts and memberships shared by more than one use case. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { agencyUserAccountAssociation, userAccount } from '../schema.ts';
import type { AgencyRole } from '../../domain/actor.ts';
import { INVITATION_TTL_MS, issueEmailToken } from './email-tokens.ts';

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

/** A member as the team lists show them, with what decides who may see them. */
const memberColumns = {
  userId: userAccount.id,
  name: userAccount.name,
  email: userAccount.email,
  auth0UserId: userAccount.auth0UserId,
  isPlatformAdmin: userAccount.isPlatformAdmin,
  role: agencyUserAccountAssociation.role,
  invitationStatus: agencyUserAccountAssociation.invitationStatus,
};

/** An agency's members by name; only the one with this (lower-case) email when it is given. */
export function findMembers(db: Executor, agencyId: number, email?: string) {
  const ofEmail = email === undefined ? undefined : sql`lower(${userAccount.email}) = ${email}`;
  return db
    .select(memberColumns)
    .from(agencyUserAccountAssociation)
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(and(eq(agencyUserAccountAssociation.agencyId, agencyId), ofEmail))
    .orderBy(asc(userAccount.name), asc(userAccount.id));
}

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string | null;
  isPlatformAdmin: boolean;
  role: AgencyRole;
  /** Already expanded with child agencies; may be empty. */
  agencyIds: readonly number[];
}

/**
 * The one insert of a user and their memberships (staff's create-user and save-users, the demo
 * loader). Without a password the memberships are pending and an
 * invitation token (for the first agency, if any) is returned for the caller to send.
 */
export async function insertUserWithAgencies(
  tx: Executor,
  account: NewAccount,
  now: Date,
): Promise<{ userId: number; invitationToken: string | null }> {
  const { email, name, passwordHash, isPlatformAdmin, role } = account;
  const [user] = await tx.insert(userAccount).values({ email, name, passwordHash, isPlatformAdmin }).returning();
  if (!user) throw new Error('inserting the user returned no row');
  const invitationStatus = passwordHash ? ('ACCEPTED' as const) : ('PENDING' as const);
  if (account.agencyIds.length > 0) {
    await tx
      .insert(agencyUserAccountAssociation)
      .values(account.agencyIds.map((agencyId) => ({ agencyId, userAccountId: user.id, role, invitationStatus })));
  }
  if (passwordHash) return { userId: user.id, invitationToken: null };
  const agencyId = account.agencyIds[0] ?? null;
  const token = await issueEmailToken(tx, {
    kind: 'INVITATION',
    userAccountId: user.id,
    agencyId,
    ttlMs: INVITATION_TTL_MS,
    now,
  });
  return { userId: user.id, invitationToken: token };
}

/**
 * Matches a person vouched for by the identity provider to their account: by the stored subject
 * (the reference's auth0_user_id), else by an email the provider has verified, remembering the
 * subject for next time. There is no self sign-up: unknown people are refused.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { Identity } from './identity-provider.ts';
import { startSession } from './start-session.ts';

export async function findUserForIdentity(db: Executor, identity: Identity, now: Date): Promise<number | undefined> {
  const [bySubject] = await db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(eq(userAccount.auth0UserId, identity.subject));
  if (bySubject) return bySubject.id;
  if (!identity.email || !identity.emailVerified) return undefined;
  const [byEmail] = await db
    .select()
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${identity.email}`);
  if (!byEmail) return undefined;
  await db
    .update(userAccount)
    .set({ auth0UserId: identity.subject, emailVerifiedAt: byEmail.emailVerifiedAt ?? now })
    .where(eq(userAccount.id, byEmail.id));
  return byEmail.id;
}

export class UnknownIdentityError extends DomainError {
  constructor(identity: Identity) {
    const who = identity.email && identity.emailVerified ? identity.email : 'this account';
    super(
      'forbidden',
      `No Justice Counts Publisher account belongs to ${who}. Ask an admin of your agency to invite you.`,
    );
  }
}

export async function signInWithIdentity(db: Executor, identity: Identity, now: Date) {
  const userId = await findUserForIdentity(db, identity, now);
  if (userId === undefined) throw new UnknownIdentityError(identity);
  const { token } = await startSession(db, userId, now);
  return { userId, token };
}

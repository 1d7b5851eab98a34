/**
 * Accepting an invitation link. A new person chooses their name and password; someone who
 * already has an account confirms it with their password. Either way the link is used up, the
 * email counts as verified (the link reached it), pending memberships become accepted, and the
 * person is signed in.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source, userAccount } from '../../db/schema.ts';
import { invalid } from '../errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { checkUserName } from '../users/user-rules.ts';
import { consumeEmailToken, findUsableEmailToken } from '../../db/queries/email-tokens.ts';
import { passwordMatches } from './sign-in-with-password.ts';
import { signInAfterPassword } from './sign-in-steps.ts';

export interface InvitationSummary {
  email: string;
  name: string | null;
  agencyName: string | null;
  hasAccount: boolean;
}

async function loadInvitation(db: Executor, token: string, now: Date) {
  const row = await findUsableEmailToken(db, 'INVITATION', token, now);
  const [user] = await db.select().from(userAccount).where(eq(userAccount.id, row.userAccountId));
  if (!user?.email) throw new Error(`invitation ${row.id} points at no user with an email`);
  const [agency] = row.agencyId ? await db.select().from(source).where(eq(source.id, row.agencyId)) : [];
  return { user, email: user.email, agencyName: agency?.name ?? null };
}

/** What the acceptance page shows before the person acts. */
export async function getInvitation(db: Executor, token: string, now: Date): Promise<InvitationSummary> {
  const { user, email, agencyName } = await loadInvitation(db, token, now);
  return { email, name: user.name, agencyName, hasAccount: user.passwordHash !== null };
}

export interface AcceptInvitationInput {
  token: string;
  name?: string | undefined;
  password: string;
  now: Date;
}

export async function acceptInvitation(db: Executor, input: AcceptInvitationInput) {
  const { user, email } = await loadInvitation(db, input.token, input.now);
  let changes: Partial<typeof userAccount.$inferInsert> = {};
  if (user.passwordHash) {
    if (!(await passwordMatches(user.passwordHash, input.password))) {
      throw invalid('password', 'is not the password of your existing account; use "Forgot password?" to reset it');
    }
  } else {
    const name = checkUserName(input.name ?? user.name ?? '');
    changes = { name, passwordHash: await hashPassword(input.password, email) };
  }
  return db.transaction(async (tx) => {
    await consumeEmailToken(tx, 'INVITATION', input.token, input.now);
    await tx
      .update(userAccount)
      .set({ ...changes, emailVerifiedAt: user.emailVerifiedAt ?? input.now })
      .where(eq(userAccount.id, user.id));
    return signInAfterPassword(tx, user.id, input.now);
  });
}

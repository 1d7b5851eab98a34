/**
 * A user changes their email in two steps: asking sends a link to the new address, and the
 * change happens only when that link is opened, so a typo cannot lock anyone out of their
 * account and nobody can claim an address they do not read.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { consumeEmailToken, EMAIL_VERIFICATION_TTL_MS, issueEmailToken } from '../../db/queries/email-tokens.ts';
import { emailChangeEmail, linkTo } from '../../email/messages.ts';
import type { AccountMailDeps } from './reset-password.ts';

export async function assertEmailFree(db: Executor, email: string, userId: number): Promise<void> {
  const [other] = await db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(and(sql`lower(${userAccount.email}) = ${email}`, ne(userAccount.id, userId)));
  if (other) throw new DomainError('conflict', `The email ${email} is already used by another account.`);
}

export async function requestEmailChange(
  db: Executor,
  input: { userId: number; newEmail: string; now: Date },
  deps: AccountMailDeps,
): Promise<void> {
  await assertEmailFree(db, input.newEmail, input.userId);
  const token = await issueEmailToken(db, {
    kind: 'EMAIL_VERIFICATION',
    userAccountId: input.userId,
    newEmail: input.newEmail,
    ttlMs: EMAIL_VERIFICATION_TTL_MS,
    now: input.now,
  });
  await deps.mailer.send(emailChangeEmail({ to: input.newEmail, link: linkTo(deps.publicUrl, 'verify-email', token) }));
}

export async function confirmEmailChange(db: Executor, input: { token: string; now: Date }) {
  return db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, 'EMAIL_VERIFICATION', input.token, input.now);
    if (!row.newEmail) throw new Error(`email verification ${row.id} has no new email`);
    await assertEmailFree(tx, row.newEmail, row.userAccountId);
    await tx
      .update(userAccount)
      .set({ email: row.newEmail, emailVerifiedAt: input.now })
      .where(eq(userAccount.id, row.userAccountId));
    return { userId: row.userAccountId, email: row.newEmail };
  });
}

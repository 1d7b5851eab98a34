/**
 * Password reset by email link. Asking always looks the same from outside, whether or not the
 * email has an account; the link works once, for an hour, and using it signs the user out
 * everywhere else and revokes their API tokens.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import type { Mailer } from '../../ports.ts';
import { hashPassword } from '../../lib/password.ts';
import {
  consumeEmailToken,
  findUsableEmailToken,
  issueEmailToken,
  PASSWORD_RESET_TTL_MS,
} from '../../db/queries/email-tokens.ts';
import { linkTo, passwordResetEmail } from '../../email/messages.ts';
import { endAllAccess } from './sessions.ts';
import { signInAfterPassword } from './sign-in-steps.ts';

export interface AccountMailDeps {
  mailer: Mailer;
  publicUrl: string;
}

export async function requestPasswordReset(db: Executor, input: { email: string; now: Date }, deps: AccountMailDeps) {
  const email = input.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: userAccount.id, email: userAccount.email })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${email}`);
  if (!user?.email) return;
  const tokenInput = {
    kind: 'PASSWORD_RESET',
    userAccountId: user.id,
    ttlMs: PASSWORD_RESET_TTL_MS,
    now: input.now,
  } as const;
  const token = await issueEmailToken(db, tokenInput);
  await deps.mailer.send(passwordResetEmail({ to: user.email, link: linkTo(deps.publicUrl, 'reset-password', token) }));
}

export interface ResetPasswordInput {
  token: string;
  password: string;
  now: Date;
}

/** Sets the new password and returns a fresh session; every other session and every API token of the user ends. */
export async function resetPassword(db: Executor, input: ResetPasswordInput) {
  const row = await findUsableEmailToken(db, 'PASSWORD_RESET', input.token, input.now);
  const [user] = await db.select().from(userAccount).where(eq(userAccount.id, row.userAccountId));
  if (!user) throw new Error(`password reset token ${row.id} points at no user`);
  const passwordHash = await hashPassword(input.password, user.email);
  return db.transaction(async (tx) => {
    await consumeEmailToken(tx, 'PASSWORD_RESET', input.token, input.now);
    await tx
      .update(userAccount)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? input.now })
      .where(eq(userAccount.id, user.id));
    await endAllAccess(tx, user.id, input.now);
    return signInAfterPassword(tx, user.id, input.now);
  });
}

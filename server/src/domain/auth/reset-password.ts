/**
 * Password reset by email link. Asking always looks the same from outside, whether or not the
 * email has an account; the link works once, for an hour, and using it signs the user out
 * everywhere else.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import type { Clock, Mailer } from '../../ports.ts';
import { hashPassword } from '../users/password.ts';
import { consumeEmailToken, findUsableEmailToken, issueEmailToken, PASSWORD_RESET_TTL_MS } from './email-tokens.ts';
import { linkTo, passwordResetEmail } from './emails.ts';
import { endAllSessions } from './sessions.ts';
import { startSession } from './start-session.ts';

export interface AccountMailDeps {
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}

export async function requestPasswordReset(db: Executor, input: { email: string }, deps: AccountMailDeps) {
  const email = input.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: userAccount.id, email: userAccount.email })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${email}`);
  if (!user?.email) return;
  const token = await issueEmailToken(
    db,
    { kind: 'PASSWORD_RESET', userAccountId: user.id, ttlMs: PASSWORD_RESET_TTL_MS },
    deps.clock,
  );
  await deps.mailer.send(passwordResetEmail({ to: user.email, link: linkTo(deps.publicUrl, 'reset-password', token) }));
}

export interface ResetPasswordInput {
  token: string;
  password: string;
}

/** Sets the new password and returns a fresh session; every other session of the user ends. */
export async function resetPassword(db: Executor, input: ResetPasswordInput, clock: Clock) {
  const row = await findUsableEmailToken(db, 'PASSWORD_RESET', input.token, clock);
  const [user] = await db.select().from(userAccount).where(eq(userAccount.id, row.userAccountId));
  if (!user) throw new Error(`password reset token ${row.id} points at no user`);
  const passwordHash = await hashPassword(input.password, user.email);
  return db.transaction(async (tx) => {
    await consumeEmailToken(tx, 'PASSWORD_RESET', input.token, clock);
    await tx
      .update(userAccount)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? clock.now() })
      .where(eq(userAccount.id, user.id));
    await endAllSessions(tx, user.id);
    const { token } = await startSession(tx, user.id, clock);
    return { userId: user.id, token };
  });
}

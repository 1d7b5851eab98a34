/**
 * A user edits their own name and email (Settings, Account tab). The name changes at once; a
 * new email only after the link sent to it is opened (confirm-email-change.ts).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { requestEmailChange } from './confirm-email-change.ts';
import type { AccountMailDeps } from './reset-password.ts';
import { notFound } from '../errors.ts';
import { assertNotApiToken } from '../permissions.ts';
import { checkEmail, checkUserName } from '../users/user-rules.ts';

export interface UpdateOwnProfileInput {
  name?: string | null | undefined;
  email?: string | null | undefined;
  now: Date;
}

/** Returns the address a confirmation link went to, when the email is changing. */
export async function updateOwnProfile(
  db: Executor,
  actor: Actor,
  input: UpdateOwnProfileInput,
  deps: AccountMailDeps,
): Promise<{ emailConfirmationSentTo: string | null }> {
  assertNotApiToken(actor, 'change account details');
  if (actor.userId === null) throw notFound('Your user account');
  const name = input.name ? checkUserName(input.name) : undefined;
  const email = input.email ? checkEmail(input.email) : undefined;
  const changesEmail = email !== undefined && email !== actor.email?.toLowerCase();
  if (name !== undefined && name !== actor.name) {
    await db.update(userAccount).set({ name }).where(eq(userAccount.id, actor.userId));
  }
  if (!changesEmail) return { emailConfirmationSentTo: null };
  await requestEmailChange(db, { userId: actor.userId, newEmail: email, now: input.now }, deps);
  return { emailConfirmationSentTo: email };
}

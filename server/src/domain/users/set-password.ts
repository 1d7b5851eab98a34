/** Sets a user's password, so scripted set-ups can sign in without email (`jc set-password`). */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { hashPassword } from '../../lib/password.ts';
import { checkEmail } from './user-rules.ts';
import { findUserIdByEmail } from '../../db/queries/users.ts';

export interface SetPasswordInput {
  email: string;
  password: string;
}

export async function setPassword(db: Executor, actor: Actor, input: SetPasswordInput): Promise<{ userId: number }> {
  assertPlatformAdmin(actor);
  const email = checkEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const userId = await findUserIdByEmail(db, email);
  if (userId === undefined) throw notFound(`User ${email}`);
  await db.update(userAccount).set({ passwordHash }).where(eq(userAccount.id, userId));
  return { userId };
}

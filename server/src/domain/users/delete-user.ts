/**
 * Justice Counts staff delete a user account (admin panel). Memberships, sessions and tokens go
 * with it (foreign keys cascade); the history of their edits and uploads stays, no longer naming
 * them. Staff cannot delete their own account, so the panel always keeps someone able to use it.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { datapoint, spreadsheet, userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { getUserWithAgencies, type UserWithAgencies } from './find-users.ts';

export async function deleteUser(db: Executor, actor: Actor, input: { userId: number }): Promise<UserWithAgencies> {
  const found = await getUserWithAgencies(db, actor, input);
  if (found.user.id === actor.userId) {
    throw new DomainError('conflict', 'You cannot delete your own account; ask another administrator to do it.');
  }
  const { auth0UserId } = found.user;
  await db.transaction(async (tx) => {
    // The reference's uploader column holds the identity-provider subject, not a foreign key.
    if (auth0UserId) {
      await tx.update(spreadsheet).set({ uploadedBy: null }).where(eq(spreadsheet.uploadedBy, auth0UserId));
    }
    // Who first entered a value has no foreign key (for the speed of uploads, docs/decisions.md).
    await tx.update(datapoint).set({ createdBy: null }).where(eq(datapoint.createdBy, found.user.id));
    await tx.delete(userAccount).where(eq(userAccount.id, found.user.id));
  });
  return found;
}

/**
 * Justice Counts staff set a user's role in an agency, adding them to it (and to its children,
 * for a superagency) when they are not yet a member (`jc update-user-role`).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { checkEmail, checkRole } from './user-rules.ts';
import { agencyWithChildren } from '../../db/queries/agencies.ts';
import { findUserIdByEmail } from '../../db/queries/users.ts';

export interface UpdateUserRoleInput {
  email: string;
  agencyId: number;
  role: string;
}

export interface UpdatedRole {
  userId: number;
  email: string;
  role: AgencyRole;
  agencyIds: number[];
}

export async function updateUserRole(db: Executor, actor: Actor, input: UpdateUserRoleInput): Promise<UpdatedRole> {
  assertPlatformAdmin(actor);
  const email = checkEmail(input.email);
  const role = checkRole(input.role);
  const agencyIds = await agencyWithChildren(db, input.agencyId);
  const userId = await findUserIdByEmail(db, email);
  if (userId === undefined) throw notFound(`User ${email}`);
  await db
    .insert(agencyUserAccountAssociation)
    .values(agencyIds.map((agencyId) => ({ agencyId, userAccountId: userId, role })))
    .onConflictDoUpdate({
      target: [agencyUserAccountAssociation.agencyId, agencyUserAccountAssociation.userAccountId],
      set: { role: sql`excluded.role` },
    });
  return { userId, email, role, agencyIds };
}

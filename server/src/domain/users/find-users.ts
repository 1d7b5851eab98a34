/** The admin panel's view of users: every account, and one account with the agencies it belongs to. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export type UserRow = typeof userAccount.$inferSelect;
export interface UserWithAgencies {
  user: UserRow;
  agencies: AgencyRow[];
}

export async function listUsers(db: Executor, actor: Actor): Promise<UserRow[]> {
  assertPlatformAdmin(actor);
  return db.select().from(userAccount).orderBy(asc(userAccount.name), asc(userAccount.id));
}

/** The agencies the users belong to, by user id, each list ordered by agency name. */
export async function agenciesOfUsers(db: Executor, userIds: readonly number[]): Promise<Map<number, AgencyRow[]>> {
  const byUser = new Map<number, AgencyRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: agencyUserAccountAssociation.userAccountId, agency: source })
    .from(agencyUserAccountAssociation)
    .innerJoin(source, eq(source.id, agencyUserAccountAssociation.agencyId))
    .where(inArray(agencyUserAccountAssociation.userAccountId, [...userIds]))
    .orderBy(asc(source.name), asc(source.id));
  for (const row of rows) byUser.get(row.userId)?.push(row.agency);
  return byUser;
}

export async function getUserWithAgencies(
  db: Executor,
  actor: Actor,
  input: { userId: number },
): Promise<UserWithAgencies> {
  assertPlatformAdmin(actor);
  const [user] = await db.select().from(userAccount).where(eq(userAccount.id, input.userId));
  if (!user) throw notFound(`User ${input.userId}`);
  const agencies = (await agenciesOfUsers(db, [user.id])).get(user.id) ?? [];
  return { user, agencies };
}

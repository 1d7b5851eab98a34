/**
 * Who is acting: built once per request by the auth plugin (or by the CLI and jobs) and passed
 * to every domain function. It carries everything permission checks need, so they never query.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { agencyUserAccountAssociation, userAccount } from '../db/schema.ts';

export const AGENCY_ROLES = ['AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

export type AuthMethod = 'session' | 'bearer_jwt' | 'api_token' | 'system';

export interface Actor {
  /** The signed-in user's id; null for the system (CLI, scheduled jobs). */
  userId: number | null;
  email: string | null;
  name: string | null;
  /** Justice Counts staff with access to the admin panel and every agency. */
  isPlatformAdmin: boolean;
  /** Agency id → role in that agency (null role: a member without a role). */
  memberships: ReadonlyMap<number, AgencyRole | null>;
  authMethod: AuthMethod;
  /** A personal API token acts for this one agency only. */
  tokenAgencyId: number | null;
}

/** The platform itself, for the CLI and scheduled jobs: may do anything, is nobody. */
export const systemActor: Actor = {
  userId: null,
  email: null,
  name: null,
  isPlatformAdmin: true,
  memberships: new Map(),
  authMethod: 'system',
  tokenAgencyId: null,
};

/** Reads a user and their memberships; undefined when the user no longer exists. */
export async function loadActor(
  db: Executor,
  userId: number,
  authMethod: AuthMethod,
  tokenAgencyId: number | null = null,
): Promise<Actor | undefined> {
  const [user] = await db.select().from(userAccount).where(eq(userAccount.id, userId));
  if (!user) return undefined;
  const rows = await db
    .select({ agencyId: agencyUserAccountAssociation.agencyId, role: agencyUserAccountAssociation.role })
    .from(agencyUserAccountAssociation)
    .where(eq(agencyUserAccountAssociation.userAccountId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: new Map(rows.map((row) => [row.agencyId, row.role])),
    authMethod,
    tokenAgencyId,
  };
}

/**
 * Who is acting: built once per request by the auth plugin (or by the CLI and jobs) and passed
 * to every domain function. It carries everything permission checks need, so they never query.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { agencyUserAccountAssociation as membership, userAccount } from '../db/schema.ts';

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

/**
 * The columns an actor is built from, for a select from `user_account` (alone or joined): the user
 * and all their memberships as one JSON array of [agency id, role] pairs, so one query suffices.
 */
export const actorColumns = {
  userId: userAccount.id,
  email: userAccount.email,
  name: userAccount.name,
  isPlatformAdmin: userAccount.isPlatformAdmin,
  memberships: sql<[number, AgencyRole | null][]>`coalesce((
    select json_agg(json_build_array(${membership.agencyId}, ${membership.role}))
    from ${membership} where ${membership.userAccountId} = ${userAccount.id}), '[]'::json)`,
};

export interface ActorRow {
  userId: number;
  email: string | null;
  name: string | null;
  isPlatformAdmin: boolean;
  memberships: [number, AgencyRole | null][];
}

export function actorFromRow(row: ActorRow, authMethod: AuthMethod, tokenAgencyId: number | null = null): Actor {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.isPlatformAdmin,
    memberships: new Map(row.memberships),
    authMethod,
    tokenAgencyId,
  };
}

/** Reads a user and their memberships; undefined when the user no longer exists. */
export async function loadActor(
  db: Executor,
  userId: number,
  authMethod: AuthMethod,
  tokenAgencyId: number | null = null,
): Promise<Actor | undefined> {
  const [row] = await db.select(actorColumns).from(userAccount).where(eq(userAccount.id, userId));
  return row ? actorFromRow(row, authMethod, tokenAgencyId) : undefined;
}

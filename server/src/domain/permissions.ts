/**
 * Every permission rule, in one table. docs/permissions.md is the same table in prose; the route
 * walk test (server/test/integration/permissions.test.ts) checks every route against it.
 *
 * A member of a superagency acts on its child agencies with the role it has in the superagency.
 * Platform admins act as JUSTICE_COUNTS_ADMIN everywhere. READ_ONLY members never write.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { preparedPerExecutor } from '../db/prepared.ts';
import { source } from '../db/schema.ts';
import type { Actor, AgencyRole } from './actor.ts';
import { DomainError, notFound } from './errors.ts';

const ADMINS: readonly AgencyRole[] = ['AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN'];
const EDITORS: readonly AgencyRole[] = ['AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', 'CONTRIBUTOR'];
const JC_ONLY: readonly AgencyRole[] = ['JUSTICE_COUNTS_ADMIN'];
/** Any member, whatever their role (including none). */
const MEMBERS = 'member' as const;

export const agencyRules = {
  'agency.view': MEMBERS,
  'agency.edit': ADMINS,
  /** Checked on the superagency: its editors set their child agencies' upload names. */
  'agency.rename_children': EDITORS,
  'team.view': MEMBERS,
  // Contributors invite too (as in the reference), but never above their own role: team-rules.ts.
  'team.invite': EDITORS,
  'team.manage': ADMINS,
  'membership.edit_own': MEMBERS,
  'metrics.view': MEMBERS,
  'metrics.edit': ADMINS,
  'reports.view': MEMBERS,
  'reports.create': ADMINS,
  'reports.edit': EDITORS,
  'reports.publish': EDITORS,
  'reports.delete': JC_ONLY,
  'uploads.view': MEMBERS,
  'uploads.create': EDITORS,
  'uploads.delete': JC_ONLY,
  'api_tokens.manage': EDITORS,
} as const satisfies Record<string, readonly AgencyRole[] | typeof MEMBERS>;

export type AgencyAction = keyof typeof agencyRules;

/** The few facts about an agency that permission rules need. */
export interface AgencyRef {
  id: number;
  superAgencyId: number | null;
}

/** The actor's effective role in the agency: undefined = not a member at all. */
export function effectiveRole(actor: Actor, agency: AgencyRef): AgencyRole | null | undefined {
  if (actor.tokenAgencyId !== null && actor.tokenAgencyId !== agency.id) return undefined;
  if (actor.isPlatformAdmin) return 'JUSTICE_COUNTS_ADMIN';
  if (actor.memberships.has(agency.id)) return actor.memberships.get(agency.id);
  if (agency.superAgencyId !== null && actor.memberships.has(agency.superAgencyId)) {
    return actor.memberships.get(agency.superAgencyId);
  }
  return undefined;
}

export function isMember(actor: Actor, agency: AgencyRef): boolean {
  return effectiveRole(actor, agency) !== undefined;
}

export function can(actor: Actor, action: AgencyAction, agency: AgencyRef): boolean {
  const role = effectiveRole(actor, agency);
  if (role === undefined) return false;
  const rule: readonly AgencyRole[] | typeof MEMBERS = agencyRules[action];
  if (rule === MEMBERS) return true;
  return role !== null && rule.includes(role);
}

/** Outsiders learn nothing (404); members without the right role are told why (403). */
export function assertCan(actor: Actor, action: AgencyAction, agency: AgencyRef): void {
  if (can(actor, action, agency)) return;
  if (!isMember(actor, agency)) throw notFound(`Agency ${agency.id}`);
  throw new DomainError('forbidden', `Your role in this agency does not allow this (${action}).`);
}

export type AgencyRecord = typeof source.$inferSelect;

/**
 * An agency's id, or its row when this request has read it already (the route gate does, for
 * routes naming the agency in the path): the action is checked either way.
 */
export type AgencyOrId = number | AgencyRecord;

/** Every agency route reads its agency first (the route gate): prepared. */
const agencyQuery = preparedPerExecutor((db) =>
  db
    .select()
    .from(source)
    .where(eq(source.id, sql.placeholder('agencyId')))
    .prepare('jc_agency'),
);

/** Loads the agency named by id and checks the action; the way domain code enters an agency. */
export async function getAgencyForAction(
  db: Executor,
  actor: Actor,
  action: AgencyAction,
  agencyOrId: AgencyOrId,
): Promise<AgencyRecord> {
  const agencyId = typeof agencyOrId === 'number' ? agencyOrId : agencyOrId.id;
  const [agency] = typeof agencyOrId === 'number' ? await agencyQuery(db).execute({ agencyId }) : [agencyOrId];
  if (!agency || agency.type !== 'agency') throw notFound(`Agency ${agencyId}`);
  assertCan(actor, action, agency);
  return agency;
}

export function assertPlatformAdmin(actor: Actor): void {
  if (!actor.isPlatformAdmin) {
    throw new DomainError('forbidden', 'Only Justice Counts administrators can do this.');
  }
}

/** Account and credential changes need the person, not a script holding one of their API tokens. */
export function assertNotApiToken(actor: Actor, what: string): void {
  if (actor.authMethod === 'api_token') {
    throw new DomainError('forbidden', `API tokens cannot ${what}; sign in as yourself to do it.`);
  }
}

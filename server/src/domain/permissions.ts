/**
 * Every permission rule, in one table. docs/permissions.md is the same table in prose; the route
 * walk test (server/test/integration/permissions.test.ts) checks every route against it.
 *
 * A member of a superagency acts on its child agencies with the role it has in the superagency;
 * when they also have a row in the child, the stronger of the two roles applies (membershipRole).
 * Platform admins act as JUSTICE_COUNTS_ADMIN everywhere, and alone use the admin panel, never
 * through an API token. READ_ONLY members never write.
 */
import { eq, sql } from 'drizzle-orm';
import type { AgencyAction as ContractAction } from '../contract/session.ts';
import type { Executor } from '../db/database.ts';
import { preparedPerExecutor } from '../db/prepared.ts';
import { source } from '../db/schema.ts';
import type { Actor, AgencyRole } from './actor.ts';
import { grantableRoles, mayManageMemberRole, type AssignableRole } from './agencies/team-rules.ts';
import { DomainError, notFound } from './errors.ts';
import type { AgencyRow } from '../db/queries/agencies.ts';

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
  'security_events.view': ADMINS,
} as const satisfies Record<ContractAction, readonly AgencyRole[] | typeof MEMBERS>;

export type AgencyAction = keyof typeof agencyRules;

/** The few facts about an agency that permission rules need. */
export interface AgencyRef {
  id: number;
  superAgencyId: number | null;
}

/** Weakest first; a member without a role (null) is below READ_ONLY. */
const ROLE_STRENGTH: readonly (AgencyRole | null)[] = [
  null,
  'READ_ONLY',
  'CONTRIBUTOR',
  'AGENCY_ADMIN',
  'JUSTICE_COUNTS_ADMIN',
];

function stronger(a: AgencyRole | null | undefined, b: AgencyRole | null | undefined): AgencyRole | null | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return ROLE_STRENGTH.indexOf(a) >= ROLE_STRENGTH.indexOf(b) ? a : b;
}

/**
 * The role the actor's memberships give in the agency: its own row, or its superagency's row, and
 * when both exist the stronger. So a child agency's admin cannot lower what a superagency's admin
 * may do in the child (they would still have it through a superagency upload): one rule, here,
 * for every route and for uploads. undefined = not a member at all.
 */
export function membershipRole(actor: Actor, agency: AgencyRef): AgencyRole | null | undefined {
  const own = actor.memberships.has(agency.id) ? (actor.memberships.get(agency.id) ?? null) : undefined;
  const parent = agency.superAgencyId;
  const inherited =
    parent !== null && actor.memberships.has(parent) ? (actor.memberships.get(parent) ?? null) : undefined;
  return stronger(own, inherited);
}

/** The actor's effective role in the agency: undefined = not a member at all. */
export function effectiveRole(actor: Actor, agency: AgencyRef): AgencyRole | null | undefined {
  if (actor.tokenAgencyId !== null && actor.tokenAgencyId !== agency.id) return undefined;
  if (actor.isPlatformAdmin) return 'JUSTICE_COUNTS_ADMIN';
  return membershipRole(actor, agency);
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

/** What the actor may do in the agency, action by action, for the web app to offer only that. */
export interface Abilities {
  can: Record<AgencyAction, boolean>;
  grantableRoles: AssignableRole[];
}

export function abilitiesIn(actor: Actor, agency: AgencyRef): Abilities {
  const actions = Object.keys(agencyRules) as AgencyAction[];
  const role = effectiveRole(actor, agency);
  return {
    can: Object.fromEntries(actions.map((action) => [action, can(actor, action, agency)])) as Record<
      AgencyAction,
      boolean
    >,
    grantableRoles: can(actor, 'team.invite', agency) ? grantableRoles(role ?? null) : [],
  };
}

/** The facts about one team member that decide what the actor may do to them. */
export interface MemberRef {
  userId: number;
  role: AgencyRole | null;
}

/** What the actor may do to one member: the team list carries it, so the web app offers only that. */
export interface MemberAbilities {
  changeRole: boolean;
  remove: boolean;
  grantableRoles: AssignableRole[];
}

/**
 * Team managers act on others, never on themselves (another admin changes or removes them), and on
 * Justice Counts staff members only when they are staff themselves.
 */
export function memberAbilities(actor: Actor, agency: AgencyRef, member: MemberRef): MemberAbilities {
  const role = effectiveRole(actor, agency) ?? null;
  const manages =
    can(actor, 'team.manage', agency) && member.userId !== actor.userId && mayManageMemberRole(role, member.role);
  return { changeRole: manages, remove: manages, grantableRoles: manages ? grantableRoles(role) : [] };
}

/** No agency has this id: what staff may do where they are not members. */
const ANY_OTHER_AGENCY: AgencyRef = { id: -1, superAgencyId: null };

/** Justice Counts staff act in every agency; this is what they may do where they are not members. */
export function staffAbilities(actor: Actor): Abilities | null {
  return actor.isPlatformAdmin ? abilitiesIn(actor, ANY_OTHER_AGENCY) : null;
}

/** Outsiders learn nothing (404); members without the right role are told why (403). */
export function assertCan(actor: Actor, action: AgencyAction, agency: AgencyRef): void {
  if (can(actor, action, agency)) return;
  if (!isMember(actor, agency)) throw notFound(`Agency ${agency.id}`);
  throw new DomainError('forbidden', `Your role in this agency does not allow this (${action}).`);
}

/**
 * An agency's id, or its row when this request has read it already (the route gate does, for
 * routes naming the agency in the path): the action is checked either way.
 */
export type AgencyOrId = number | AgencyRow;

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
): Promise<AgencyRow> {
  const agencyId = typeof agencyOrId === 'number' ? agencyOrId : agencyOrId.id;
  const [agency] = typeof agencyOrId === 'number' ? await agencyQuery(db).execute({ agencyId }) : [agencyOrId];
  if (!agency || agency.type !== 'agency') throw notFound(`Agency ${agencyId}`);
  assertCan(actor, action, agency);
  return agency;
}

/** Any agency by id, for Justice Counts staff; notFound for vendors and unknown ids. */
export async function findAnyAgency(db: Executor, actor: Actor, agencyId: number): Promise<AgencyRow> {
  assertPlatformAdmin(actor);
  const [agency] = await agencyQuery(db).execute({ agencyId });
  if (!agency || agency.type !== 'agency') throw notFound(`Agency ${agencyId}`);
  return agency;
}

/**
 * The admin panel acts on every agency and user, so it needs the staff member in person: an API
 * token acts only inside its own agency, even a staff member's.
 */
export function assertPlatformAdmin(actor: Actor): void {
  if (actor.authMethod === 'api_token') {
    throw new DomainError(
      'forbidden',
      'API tokens act only inside their own agency and cannot use the admin panel; sign in as yourself to do it.',
    );
  }
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

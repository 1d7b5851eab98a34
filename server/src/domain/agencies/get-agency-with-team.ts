/**
 * GET /api/agency/:id: the agency with its settings and team, plus its superagency when the
 * actor may see that too (the Publisher learns roles and the team here). Justice Counts staff
 * are left out of the team unless the viewer is Justice Counts staff.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencySetting, source } from '../../db/schema.ts';
import { findMembers } from '../../db/queries/users.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { notFound } from '../errors.ts';
import { can, effectiveRole, getAgencyForAction, memberAbilities, type MemberAbilities } from '../permissions.ts';
import { isVisibleMember } from './team-rules.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export interface TeamMember {
  userId: number;
  name: string | null;
  email: string | null;
  auth0UserId: string | null;
  role: AgencyRole | null;
  invitationStatus: string | null;
  /** What the viewer may do to this member (permissions.ts). */
  abilities: MemberAbilities;
}

export interface AgencyWithTeam {
  agency: AgencyRow;
  settings: { settingType: string; value: unknown }[];
  team: TeamMember[];
}

/** The agency's members the actor may see, each with what the actor may do to them. */
export async function findTeam(db: Executor, actor: Actor, agency: AgencyRow): Promise<TeamMember[]> {
  const viewerRole = effectiveRole(actor, agency) ?? null;
  const rows = await findMembers(db, agency.id);
  return rows
    .filter((row) => isVisibleMember(viewerRole, row.role, row.isPlatformAdmin))
    .map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      auth0UserId: row.auth0UserId,
      role: row.role,
      invitationStatus: row.invitationStatus,
      abilities: memberAbilities(actor, agency, row),
    }));
}

async function withTeam(db: Executor, actor: Actor, agency: AgencyRow): Promise<AgencyWithTeam> {
  const settings = await db
    .select({ settingType: agencySetting.settingType, value: agencySetting.value })
    .from(agencySetting)
    .where(eq(agencySetting.sourceId, agency.id))
    .orderBy(asc(agencySetting.settingType));
  return { agency, settings, team: await findTeam(db, actor, agency) };
}

export async function getAgencyWithTeam(db: Executor, actor: Actor, input: { agencyId: number }) {
  if (actor.userId === null) throw notFound('Your user account');
  const agency = await getAgencyForAction(db, actor, 'team.view', input.agencyId);
  const agencies = [await withTeam(db, actor, agency)];
  if (agency.superAgencyId !== null) {
    const [parent] = await db.select().from(source).where(eq(source.id, agency.superAgencyId));
    if (parent && can(actor, 'team.view', parent)) agencies.push(await withTeam(db, actor, parent));
  }
  return { userId: actor.userId, agencies };
}

/**
 * GET /api/agency/:id: the agency with its settings and team, plus its superagency when the
 * actor may see that too (the Publisher learns roles and the team here). Justice Counts staff
 * are left out of the team unless the viewer is Justice Counts staff.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencySetting, agencyUserAccountAssociation, source, userAccount } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { notFound } from '../errors.ts';
import { can, effectiveRole, getAgencyForAction } from '../permissions.ts';
import { isVisibleMember } from './team-rules.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export interface TeamMember {
  userId: number;
  name: string | null;
  email: string | null;
  auth0UserId: string | null;
  role: AgencyRole | null;
  invitationStatus: string | null;
}

export interface AgencyWithTeam {
  agency: AgencyRow;
  settings: { settingType: string; value: unknown }[];
  team: TeamMember[];
}

export async function findTeam(db: Executor, agencyId: number, viewerRole: AgencyRole | null): Promise<TeamMember[]> {
  const rows = await db
    .select({
      userId: userAccount.id,
      name: userAccount.name,
      email: userAccount.email,
      auth0UserId: userAccount.auth0UserId,
      isPlatformAdmin: userAccount.isPlatformAdmin,
      role: agencyUserAccountAssociation.role,
      invitationStatus: agencyUserAccountAssociation.invitationStatus,
    })
    .from(agencyUserAccountAssociation)
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(eq(agencyUserAccountAssociation.agencyId, agencyId))
    .orderBy(asc(userAccount.name), asc(userAccount.id));
  return rows
    .filter((row) => isVisibleMember(viewerRole, row.role, row.isPlatformAdmin))
    .map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      auth0UserId: row.auth0UserId,
      role: row.role,
      invitationStatus: row.invitationStatus,
    }));
}

async function withTeam(db: Executor, actor: Actor, agency: AgencyRow): Promise<AgencyWithTeam> {
  const settings = await db
    .select({ settingType: agencySetting.settingType, value: agencySetting.value })
    .from(agencySetting)
    .where(eq(agencySetting.sourceId, agency.id))
    .orderBy(asc(agencySetting.settingType));
  return { agency, settings, team: await findTeam(db, agency.id, effectiveRole(actor, agency) ?? null) };
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

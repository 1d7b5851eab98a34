/** The admin panel's read-only views of agencies: all of them, one with its metrics, one's team. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MetricDef } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import { agencySetting, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { metricsOfSystems } from '../metric-settings/setting-rules.ts';
import { assertPlatformAdmin, findAnyAgency } from '../permissions.ts';
import { findTeam, type AgencyWithTeam, type TeamMember } from './get-agency-with-team.ts';
import { allAgencies, type AgencyRow } from '../../db/queries/agencies.ts';

export interface AdminAgencySummary {
  agency: AgencyRow;
  childAgencyIds: number[];
  url: string | null;
  description: string | null;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

/** Every agency's homepage and description settings, by agency id. */
async function pageSettings(db: Executor) {
  const byAgency = new Map<number, { url: string | null; description: string | null }>();
  const rows = await db
    .select()
    .from(agencySetting)
    .where(inArray(agencySetting.settingType, ['HOMEPAGE_URL', 'PURPOSE_AND_FUNCTIONS']));
  for (const row of rows) {
    const entry = byAgency.get(row.sourceId) ?? { url: null, description: null };
    if (row.settingType === 'HOMEPAGE_URL') entry.url = textOf(row.value);
    else entry.description = textOf(row.value);
    byAgency.set(row.sourceId, entry);
  }
  return byAgency;
}

export async function listAgenciesForAdmin(db: Executor, actor: Actor): Promise<AdminAgencySummary[]> {
  assertPlatformAdmin(actor);
  const agencies = await allAgencies(db);
  const settings = await pageSettings(db);
  const children = new Map<number, number[]>();
  for (const agency of agencies) {
    if (agency.superAgencyId === null) continue;
    children.set(agency.superAgencyId, [...(children.get(agency.superAgencyId) ?? []), agency.id]);
  }
  return agencies.map((agency) => ({
    agency,
    childAgencyIds: children.get(agency.id) ?? [],
    url: settings.get(agency.id)?.url ?? null,
    description: settings.get(agency.id)?.description ?? null,
  }));
}

export async function getAgencyForAdmin(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<{ agency: AgencyRow; metrics: MetricDef[] }> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  return { agency, metrics: metricsOfSystems(agency.systems) };
}

/** Every member, Justice Counts staff included. */
export async function getAgencyTeamForAdmin(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<TeamMember[]> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  return findTeam(db, actor, agency);
}

/** One agency as the admin panel shows it after saving: settings, whole team and child agencies. */
export async function getAgencyWithTeamForAdmin(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<AgencyWithTeam & { childAgencyIds: number[] }> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  const settings = await db
    .select({ settingType: agencySetting.settingType, value: agencySetting.value })
    .from(agencySetting)
    .where(eq(agencySetting.sourceId, agency.id))
    .orderBy(asc(agencySetting.settingType));
  const children = await db
    .select({ id: source.id })
    .from(source)
    .where(and(eq(source.superAgencyId, agency.id), eq(source.type, 'agency')))
    .orderBy(asc(source.id));
  const team = await findTeam(db, actor, agency);
  return { agency, settings, team, childAgencyIds: children.map((child) => child.id) };
}

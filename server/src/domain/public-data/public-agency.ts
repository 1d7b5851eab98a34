/**
 * An agency as the public may see it: only when its dashboard is switched on, and then only its
 * name, sectors, location and the two settings meant for the public (description, website).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { SYSTEMS, isSystemName, type SystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import { agencySetting, source } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export const PUBLIC_SETTING_TYPES = ['PURPOSE_AND_FUNCTIONS', 'HOMEPAGE_URL'] as const;

export interface PublicAgency {
  agency: AgencyRow;
  settings: { settingType: string; value: unknown }[];
}

/** The agency's sectors known to the catalogue, in catalogue order. */
export function sectorsOf(agency: { systems: string[] | null }): SystemName[] {
  const chosen = new Set((agency.systems ?? []).filter(isSystemName));
  return SYSTEMS.filter((system) => chosen.has(system));
}

/** 404 alike for an agency that does not exist and one whose dashboard is off: the public learns nothing. */
export async function getPublicAgency(db: Executor, agencyId: number): Promise<PublicAgency> {
  const [agency] = await db
    .select()
    .from(source)
    .where(and(eq(source.id, agencyId), eq(source.isDashboardEnabled, true)));
  if (!agency) throw notFound(`Agency ${agencyId}`);
  const settings = await db
    .select({ settingType: agencySetting.settingType, value: agencySetting.value })
    .from(agencySetting)
    .where(and(eq(agencySetting.sourceId, agency.id), inArray(agencySetting.settingType, [...PUBLIC_SETTING_TYPES])))
    .orderBy(asc(agencySetting.settingType));
  return { agency, settings };
}

/**
 * Where an agency is, for the public side: its county (from the county code it stores, else the
 * one county among the places it serves), the places it serves and leaves out, and the people
 * living there by year, from the Census figures in `jurisdiction_population`.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyJurisdictions, jurisdictionPopulation } from '../../db/schema.ts';
import type { Jurisdictions } from '../../db/queries/agency-settings.ts';
import { countyByGeoid, countyOf, type County } from '../../lib/us-counties.ts';

/** Group → year → people; races and ethnicities in one, biological sexes in the other. */
export interface Population {
  race_and_ethnicity?: Record<string, Record<string, number>>;
  biological_sex?: Record<string, Record<string, number>>;
}

const COUNTY_GEOID = /^0500000US\d{5}$/;

export function agencyCounty(
  agency: { stateCode: string | null; fipsCountyCode: string | null },
  included: readonly string[],
): County | null {
  const byCode = countyOf(agency.stateCode, agency.fipsCountyCode);
  if (byCode) return byCode;
  const counties = included.filter((geoid) => COUNTY_GEOID.test(geoid));
  return counties.length === 1 ? countyByGeoid(counties[0]!) : null;
}

/** Included places by agency, for the agencies asked about. */
export async function loadIncludedPlaces(db: Executor, agencyIds: readonly number[]): Promise<Map<number, string[]>> {
  const places = new Map<number, string[]>();
  if (agencyIds.length === 0) return places;
  const rows = await db
    .select({ agencyId: agencyJurisdictions.sourceId, geoid: agencyJurisdictions.geoid })
    .from(agencyJurisdictions)
    .where(inArray(agencyJurisdictions.sourceId, [...agencyIds]));
  for (const row of rows) {
    if (row.geoid !== null) places.set(row.agencyId, [...(places.get(row.agencyId) ?? []), row.geoid]);
  }
  return places;
}

/** People in the included places less those in the excluded ones; {} when no figures match. */
export async function loadPopulation(db: Executor, places: Jurisdictions): Promise<Population> {
  const geoids = [...places.included, ...places.excluded];
  if (geoids.length === 0) return {};
  const rows = await db.select().from(jurisdictionPopulation).where(inArray(jurisdictionPopulation.geoid, geoids));
  const population: Population = {};
  for (const row of rows) {
    const sign = places.included.includes(row.geoid) ? 1 : -1;
    const [kind, group] =
      row.sex !== null ? (['biological_sex', row.sex] as const) : (['race_and_ethnicity', row.raceEthnicity] as const);
    if (group === null) continue;
    const byGroup = (population[kind] ??= {});
    const byYear = (byGroup[group] ??= {});
    byYear[row.year] = (byYear[row.year] ?? 0) + sign * row.population;
  }
  return population;
}

/**
 * GET /api/v2/agencies/:id/published_data: the same public values as the first version, with
 * where the agency is (county, places served, population) and who reports each metric for it (a
 * vendor or its superagency, with their name and website).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencySetting, source } from '../../db/schema.ts';
import { loadJurisdictions, type Jurisdictions } from '../../db/queries/agency-settings.ts';
import { agencyCounty, loadPopulation, type Population } from './agency-place.ts';
import { getPublishedData, type PublishedData } from './get-published-data.ts';
import type { County } from '../../lib/us-counties.ts';

export interface ReportingAgency {
  id: number;
  name: string;
  url: string | null;
  category: 'VENDOR' | 'SUPER_AGENCY';
}

export interface PublishedDataV2 extends PublishedData {
  county: County | null;
  jurisdictions: Jurisdictions;
  population: Population;
  /** By id: the vendors and superagency named as reporting agencies of the metrics. */
  reportingAgencies: Map<number, ReportingAgency>;
}

async function loadReportingAgencies(db: Executor, ids: number[]): Promise<Map<number, ReportingAgency>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: source.id, name: source.name, type: source.type, url: agencySetting.value })
    .from(source)
    .leftJoin(agencySetting, and(eq(agencySetting.sourceId, source.id), eq(agencySetting.settingType, 'HOMEPAGE_URL')))
    .where(inArray(source.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        url: typeof row.url === 'string' ? row.url : null,
        category: row.type === 'vendor' ? 'VENDOR' : 'SUPER_AGENCY',
      },
    ]),
  );
}

export async function getPublishedDataV2(db: Executor, input: { agencyId: number }): Promise<PublishedDataV2> {
  const data = await getPublishedData(db, input);
  const jurisdictions = await loadJurisdictions(db, data.agency.id);
  const reporterIds = data.metrics.flatMap(({ setting }) =>
    setting.reporting_agency_id === null ? [] : [setting.reporting_agency_id],
  );
  const [population, reportingAgencies] = await Promise.all([
    loadPopulation(db, jurisdictions),
    loadReportingAgencies(db, [...new Set(reporterIds)]),
  ]);
  const county = agencyCounty(data.agency, jurisdictions.included);
  return { ...data, county, jurisdictions, population, reportingAgencies };
}

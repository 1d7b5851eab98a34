/** Builders for the public side: an agency with its dashboard on, its settings, records and values. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';
import { agencySetting, datapoint, jurisdictionPopulation } from '../../src/db/schema.ts';
import { emptyStoredBreakdown, type StoredBreakdown } from '../../src/domain/metric-settings/stored-setting-rules.ts';
import { givenAgency, givenMembership, givenUser, signIn } from './given.ts';
import type { App } from '../../src/http/app-types.ts';
import type { ChangesResponse } from '../../src/contract/open-data.ts';
import { givenMetricSetting, givenReport, type ReportOptions } from './given-reports.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import type { ReportRow } from '../../src/db/queries/reports.ts';

export const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
export const FUNDING = 'LAW_ENFORCEMENT_FUNDING';
export const OFFENSE = 'metric/offense/type';
export const FUNDING_TYPE = 'metric/law_enforcement/funding/type';

export function givenDashboardAgency(db: Db, overrides: Partial<AgencyRow> = {}): Promise<AgencyRow> {
  return givenAgency(db, { systems: ['LAW_ENFORCEMENT'], isDashboardEnabled: true, ...overrides });
}

/** A breakdown's stored setting with these members' switches (others never answered). */
export function breakdownSetting(members: Record<string, boolean>): StoredBreakdown {
  return { ...emptyStoredBreakdown(), dimension_to_enabled_status: members };
}

/** Arrests on with Person and Drug offenses on, Property off; Funding on with Grants on. */
export async function givenUsualSettings(db: Db, agency: AgencyRow): Promise<void> {
  await givenMetricSetting(db, agency, ARRESTS, {
    is_metric_enabled: true,
    aggregated_dimensions: { [OFFENSE]: breakdownSetting({ PERSON: true, DRUG: true, PROPERTY: false }) },
  });
  await givenMetricSetting(db, agency, FUNDING, {
    is_metric_enabled: true,
    aggregated_dimensions: { [FUNDING_TYPE]: breakdownSetting({ GRANTS: true }) },
  });
}

export interface Value {
  metric: string;
  value: string | null;
  dimension?: Record<string, string>;
  sub?: string;
  context?: string;
}

/** A record with these values stored as they would be after entry. */
export async function givenRecordWithValues(
  db: Db,
  agency: AgencyRow,
  options: ReportOptions,
  values: Value[],
): Promise<ReportRow> {
  const record = await givenReport(db, agency, options);
  if (values.length > 0) {
    await db.insert(datapoint).values(
      values.map((v) => ({
        reportId: record.id,
        sourceId: agency.id,
        metricDefinitionKey: v.metric,
        dimensionIdentifierToMember: v.dimension ?? null,
        subDimensionName: v.sub ?? null,
        contextKey: v.context ?? null,
        value: v.value,
        startDate: record.dateRangeStart,
        endDate: record.dateRangeEnd,
        uploadMethod: 'MANUAL_ENTRY',
      })),
    );
  }
  return record;
}

/**
 * Steady arrests (100 a month) published for 2021–2023, a draft January 2024 of 400 (flagged as
 * unusual before publishing), and an admin of the agency, signed in.
 */
export async function givenUnusualArrests(app: App, db: Db) {
  const agency = await givenDashboardAgency(db);
  await givenUsualSettings(db, agency);
  for (const year of [2021, 2022, 2023]) {
    for (const month of year === 2023 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1]) {
      await givenRecordWithValues(db, agency, { year, month, status: 'PUBLISHED' }, [
        { metric: ARRESTS, value: '100' },
      ]);
    }
  }
  const january = await givenRecordWithValues(db, agency, { year: 2024, month: 1, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '400' },
  ]);
  const user = await givenUser(db);
  await givenMembership(db, user, agency, 'AGENCY_ADMIN');
  return { agency, january, headers: await signIn(app, db, user) };
}

/** The agency's entries in the change feed, oldest first. */
export async function changesOf(app: App, agencyId: number): Promise<ChangesResponse['changes']> {
  const res = await app.inject({ method: 'GET', url: '/api/public/changes?limit=500' });
  if (res.statusCode !== 200) throw new Error(`the change feed answered ${res.statusCode}: ${res.body}`);
  return res.json<ChangesResponse>().changes.filter((change) => change.agency.id === agencyId);
}

export async function givenAgencySetting(db: Db, agency: AgencyRow, settingType: string, value: unknown) {
  await db.insert(agencySetting).values({ sourceId: agency.id, settingType, value });
}

/**
 * Census figures for these places, in place of any the database already holds for them: the
 * figures are shared by every agency, so a test that added to them would count them twice when
 * its set-up runs again on the same database.
 */
export async function givenCensusPopulation(db: Db, rows: (typeof jurisdictionPopulation.$inferInsert)[]) {
  const places = [...new Set(rows.map((row) => row.geoid))];
  await db.delete(jurisdictionPopulation).where(inArray(jurisdictionPopulation.geoid, places));
  await db.insert(jurisdictionPopulation).values(rows);
}

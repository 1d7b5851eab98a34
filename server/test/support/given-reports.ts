/** Builders and readers for record (report) and datapoint tests. */
import { refreshPublicFigures } from '../../src/domain/public-data/refresh-public-figures.ts';
import { asc, eq } from 'drizzle-orm';
import type { UpdateReportBody } from '../../src/contract/reports.ts';
import type { Db } from '../../src/db/database.ts';
import { datapoint, datapointHistory, metricSetting, report } from '../../src/db/schema.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { emptyStoredSetting, type StoredMetricSetting } from '../../src/domain/metric-settings/stored-setting-rules.ts';
import { reportDateRange, reportInstance, type ReportFrequency } from '../../src/domain/reports/report-rules.ts';
import { givenAgency, givenMembership, givenUser, signIn, type SignedIn, type UserRow } from './given.ts';
import type { TestApp } from './test-app.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

import { insertReports, type ReportRow } from '../../src/db/queries/reports.ts';

export type { ReportRow };

export interface ReportOptions {
  frequency?: ReportFrequency;
  year?: number;
  month?: number;
  status?: ReportRow['status'];
  modifiedBy?: number[];
  lastModifiedAt?: Date | null;
}

export async function givenReport(db: Db, agency: AgencyRow, options: ReportOptions = {}): Promise<ReportRow> {
  const frequency = options.frequency ?? 'MONTHLY';
  const range = reportDateRange(frequency, options.year ?? 2024, options.month ?? 3);
  const [row] = await insertReports(db, [
    {
      sourceId: agency.id,
      type: frequency,
      instance: reportInstance(frequency, range.start),
      status: options.status ?? 'NOT_STARTED',
      dateRangeStart: range.start,
      dateRangeEnd: range.end,
      modifiedBy: options.modifiedBy ?? [],
      lastModifiedAt: options.lastModifiedAt ?? null,
    },
  ]);
  if (!row) throw new Error(`agency ${agency.id} has a record for ${range.start}–${range.end} already`);
  return row;
}

/** Stores an agency's setting document for one metric, starting from "nothing configured". */
export async function givenMetricSetting(
  db: Db,
  agency: AgencyRow,
  key: string,
  overrides: Partial<StoredMetricSetting>,
): Promise<void> {
  await db.insert(metricSetting).values({
    agencyId: agency.id,
    metricDefinitionKey: key,
    metricInterface: { ...emptyStoredSetting(key), ...overrides },
  });
}

/** A person signed in to a fresh agency (law enforcement unless told otherwise). */
export interface Signed {
  agency: AgencyRow;
  user: UserRow;
  headers: SignedIn;
}

export async function givenSignedIn(
  t: TestApp,
  options: { role?: AgencyRole | null; agency?: AgencyRow; systems?: string[]; isPlatformAdmin?: boolean } = {},
): Promise<Signed> {
  const agency =
    options.agency ?? (await givenAgency(t.database.db, { systems: options.systems ?? ['LAW_ENFORCEMENT'] }));
  const user = await givenUser(t.database.db, { isPlatformAdmin: options.isPlatformAdmin ?? false });
  await givenMembership(t.database.db, user, agency, options.role === undefined ? 'AGENCY_ADMIN' : options.role);
  return { agency, user, headers: await signIn(t.app, t.database.db, user) };
}

export const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
export const OFFENSE = 'metric/offense/type';

/** A PATCH body entry for Arrests: the total and, optionally, offense-type members. */
export function arrests(value: number | null, dimensions: { key: string; value: number | null }[] = []) {
  return { key: ARRESTS, value, disaggregations: dimensions.length ? [{ key: OFFENSE, dimensions }] : [] };
}

/** A record's version as a client that loads it now sees it (`last_modified_at_timestamp`, 0 if never saved). */
export async function currentVersion(db: Db, reportId: number): Promise<number> {
  return ((await reportById(db, reportId))?.lastModifiedAt?.getTime() ?? 0) / 1000;
}

/**
 * Saves a record. Without `time_loaded` in the body it sends the record's current version, as a
 * client that has just loaded it would; `time_loaded: undefined` sends none.
 */
export async function patchReport(t: TestApp, headers: SignedIn, reportId: number, body: UpdateReportBody | object) {
  const version = 'time_loaded' in body ? {} : { time_loaded: await currentVersion(t.database.db, reportId) };
  return t.app.inject({ method: 'PATCH', url: `/api/reports/${reportId}`, headers, payload: { ...version, ...body } });
}

/** The body of a bulk action (`PATCH` or `DELETE /api/reports`) naming each record at its current version. */
export async function bulkBody(db: Db, agencyId: number, reportIds: readonly number[], extra: object = {}) {
  const reports = await Promise.all(reportIds.map(async (id) => ({ id, time_loaded: await currentVersion(db, id) })));
  return { agency_id: agencyId, reports, ...extra };
}

/**
 * Saves one record again and again as the web app does: each save sends the version the previous
 * answer gave (the first, the current time). Fails loudly on anything but 200.
 */
/** Saves one record again and again; after each save the public figures are refreshed, as the server's worker does within a second. */
export function recordSaver(t: TestApp, headers: SignedIn, reportId: number) {
  let version = t.clock.now().getTime() / 1000;
  return async (body: object) => {
    const res = await patchReport(t, headers, reportId, { time_loaded: version, ...body });
    if (res.statusCode !== 200) throw new Error(`saving record ${reportId} answered ${res.statusCode}: ${res.body}`);
    version = res.json<{ last_modified_at_timestamp: number }>().last_modified_at_timestamp;
    await refreshPublicFigures(t.database.db, { now: t.clock.now() });
  };
}

export function getJson(t: TestApp, headers: SignedIn, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: headers.cookie } });
}

export async function reportById(db: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(report).where(eq(report.id, id));
  return row;
}

export function datapointsOf(db: Db, reportId: number) {
  return db.select().from(datapoint).where(eq(datapoint.reportId, reportId)).orderBy(asc(datapoint.id));
}

export function historyOf(db: Db, reportId: number) {
  return db
    .select({ history: datapointHistory, metricKey: datapoint.metricDefinitionKey })
    .from(datapointHistory)
    .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
    .where(eq(datapoint.reportId, reportId))
    .orderBy(asc(datapointHistory.id));
}

/** Everything a refused request must leave as it was: the record row, its values and their history. */
export async function snapshotReport(db: Db, reportId: number) {
  return {
    report: await reportById(db, reportId),
    datapoints: await datapointsOf(db, reportId),
    history: await historyOf(db, reportId),
  };
}

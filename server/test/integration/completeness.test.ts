/**
 * Completeness and timeliness (issue 18 item 4): an agency's periods, a superagency's children and
 * every agency for staff, checked against a known set-up on a database of the file's own (so the
 * staff view holds only this file's agencies), at a fixed date.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AgencyCompletenessResponse,
  StaffCompletenessResponse,
  SuperagencyCompletenessResponse,
} from '../../src/contract/completeness.ts';
import { report } from '../../src/db/schema.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import {
  givenAgency,
  givenMembership,
  givenSuperagencyWithChild,
  givenUser,
  signIn,
  type AgencyRow,
  type SignedIn,
} from '../support/given.ts';
import { givenRecordWithValues } from '../support/given-public-data.ts';
import { ARRESTS, getJson, givenMetricSetting } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';

const CALLS = 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE';
const FUNDING = 'LAW_ENFORCEMENT_FUNDING';

const { t, db } = await testFile();
let police: AgencyRow;
let state: AgencyRow;
let prisons: AgencyRow;
let elsewhere: AgencyRow;
const as: Record<'policeReader' | 'stateAdmin' | 'prisonsAdmin' | 'outsider' | 'staff', SignedIn> = {} as never;

async function signedIn(agency: AgencyRow | null, role: 'AGENCY_ADMIN' | 'READ_ONLY' = 'AGENCY_ADMIN') {
  const user = await givenUser(db(), { isPlatformAdmin: agency === null });
  if (agency) await givenMembership(db(), user, agency, role);
  return signIn(t.app, db(), user, t.clock);
}

async function published(recordId: number, on: string) {
  await db().update(report).set({ status: 'PUBLISHED', publishDate: on }).where(eq(report.id, recordId));
}

/**
 * A state superagency with two children: the police (arrests and calls monthly, funding each
 * calendar year) and prisons (nothing switched on). On December 6, 2026 the police owe 12 months
 * × 2 metrics and 3 years × 1 metric = 27; they reported November (both, published December 4),
 * October (arrests only, a draft; calls only by a breakdown) and 2025's funding (published
 * February 15, 2026).
 */
beforeAll(async () => {
  t.clock.set(new Date('2026-12-06T15:00:00Z'));
  ({ superagency: state, child: police } = await givenSuperagencyWithChild(db(), {
    name: 'State Board',
    child: { name: 'County Police', fipsCountyCode: 'us_ca_san_mateo' },
  }));
  prisons = await givenAgency(db(), {
    name: 'Wyoming Prisons',
    systems: ['PRISONS'],
    superAgencyId: state.id,
    stateCode: 'us_wy',
  });
  elsewhere = await givenAgency(db(), { name: 'Texas Police', stateCode: 'us_tx' });
  await givenMetricSetting(db(), police, ARRESTS, { is_metric_enabled: true });
  await givenMetricSetting(db(), police, CALLS, { is_metric_enabled: true });
  await givenMetricSetting(db(), police, FUNDING, { is_metric_enabled: true });
  await givenMetricSetting(db(), police, 'LAW_ENFORCEMENT_EXPENSES', { is_metric_enabled: false });
  const november = await givenRecordWithValues(db(), police, { year: 2026, month: 11 }, [
    { metric: ARRESTS, value: '40' },
    { metric: CALLS, value: '900' },
  ]);
  await published(november.id, '2026-12-04');
  await givenRecordWithValues(db(), police, { year: 2026, month: 10, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '35' },
    { metric: CALLS, value: '500', dimension: { 'metric/calls/type': 'EMERGENCY' } },
    { metric: CALLS, value: 'Counted by the county', context: 'ADDITIONAL_CONTEXT' },
    { metric: 'LAW_ENFORCEMENT_EXPENSES', value: '10' },
  ]);
  const year2025 = await givenRecordWithValues(db(), police, { frequency: 'ANNUAL', year: 2025, month: 1 }, [
    { metric: FUNDING, value: '1000000' },
  ]);
  await published(year2025.id, '2026-02-15');
  as.policeReader = await signedIn(police, 'READ_ONLY');
  as.stateAdmin = await signedIn(state);
  as.prisonsAdmin = await signedIn(prisons);
  as.outsider = await signedIn(elsewhere);
  as.staff = await signedIn(null);
});

const POLICE_SUMMARY = {
  expected: 27,
  reported: 4,
  published: 3,
  share_reported: 4 / 27,
  share_published: 3 / 27,
  median_days_to_publish: 25,
};

describe('GET /api/agencies/:agencyId/completeness', () => {
  it('gives each owed period with what was reported, published and how late, newest first', async () => {
    const res = await getJson(t, as.policeReader, `/api/agencies/${police.id}/completeness`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as AgencyCompletenessResponse;
    expect(body.summary).toEqual(POLICE_SUMMARY);
    expect(body.periods).toHaveLength(15);
    const [november, october] = body.periods;
    expect(november).toMatchObject({
      label: 'November 2026',
      start: '2026-11-01',
      end: '2026-12-01',
      days_to_publish: 4,
    });
    expect(november!.summary).toMatchObject({ expected: 2, reported: 2, published: 2 });
    expect(november!.missing).toEqual([]);
    expect(october).toMatchObject({ label: 'October 2026', days_to_publish: null, missing: ['Calls for Service'] });
    expect(october!.summary).toMatchObject({ expected: 2, reported: 1, published: 0 });
    const annual = body.periods.filter((p) => p.frequency === 'ANNUAL');
    expect(annual.map((p) => [p.label, p.summary.reported, p.days_to_publish])).toEqual([
      ['calendar year 2025', 1, 46],
      ['calendar year 2024', 0, null],
      ['calendar year 2023', 0, null],
    ]);
  });

  it('exports the same periods as CSV', async () => {
    const res = await getJson(t, as.policeReader, `/api/agencies/${police.id}/completeness/csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'period,frequency,start,end,expected,reported,published,share_reported,share_published,median_days_to_publish,days_to_publish,missing',
    );
    expect(lines[1]).toBe('November 2026,MONTHLY,2026-11-01,2026-12-01,2,2,2,1,1,4,4,');
    expect(lines[2]).toBe('October 2026,MONTHLY,2026-10-01,2026-11-01,2,1,0,0.5,0,,,Calls for Service');
    expect(lines).toHaveLength(16);
  });

  it('refuses outsiders with 404 and a bad agency id with 400, writing nothing', async () => {
    for (const url of [`/api/agencies/${police.id}/completeness`, `/api/agencies/${police.id}/completeness/csv`]) {
      const res = await expectNoWrites(db(), () => getJson(t, as.outsider, url));
      expect(res.statusCode).toBe(404);
    }
    const bad = await expectNoWrites(db(), () => getJson(t, as.policeReader, '/api/agencies/police/completeness'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().description).toContain('agencyId');
    const signedOut = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/api/agencies/${police.id}/completeness` }),
    );
    expect(signedOut.statusCode).toBe(401);
  });
});

describe('GET /api/agencies/:agencyId/children/completeness', () => {
  it("gives each child's totals and the children together period by period", async () => {
    const res = await getJson(t, as.stateAdmin, `/api/agencies/${state.id}/children/completeness`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as SuperagencyCompletenessResponse;
    expect(body.children.map((c) => [c.name, c.summary.expected, c.summary.reported])).toEqual([
      ['County Police', 27, 4],
      ['Wyoming Prisons', 0, 0],
    ]);
    expect(body.summary).toEqual(POLICE_SUMMARY);
    expect(body.periods[0]).toMatchObject({ label: 'November 2026', agencies: 1 });
    expect(body.periods[0]!.summary).toMatchObject({ expected: 2, reported: 2, median_days_to_publish: 4 });
    const csv = await getJson(t, as.stateAdmin, `/api/agencies/${state.id}/children/completeness/csv`);
    expect(csv.body.split('\n').slice(0, 3)).toEqual([
      'agency_id,agency,sectors,expected,reported,published,share_reported,share_published,median_days_to_publish',
      `${police.id},County Police,LAW_ENFORCEMENT,27,4,3,${4 / 27},${3 / 27},25`,
      `${prisons.id},Wyoming Prisons,PRISONS,0,0,0,,,`,
    ]);
  });

  it("lets the superagency's members see a child's own view, and refuses a child's member the superagency's", async () => {
    const child = await getJson(t, as.stateAdmin, `/api/agencies/${police.id}/completeness`);
    expect((child.json() as AgencyCompletenessResponse).summary).toEqual(POLICE_SUMMARY);
    const refused = await expectNoWrites(db(), () =>
      getJson(t, as.prisonsAdmin, `/api/agencies/${state.id}/children/completeness`),
    );
    expect(refused.statusCode).toBe(404);
  });
});

describe('GET /admin/completeness', () => {
  it('gives every agency with its county, and agencies by state, county and sector', async () => {
    const res = await getJson(t, as.staff, '/admin/completeness');
    expect(res.statusCode).toBe(200);
    const body = res.json() as StaffCompletenessResponse;
    expect(body.summary).toEqual(POLICE_SUMMARY);
    const row = body.agencies.find((a) => a.agency_id === police.id);
    expect(row).toMatchObject({
      state_code: 'us_ca',
      county_fips: '06081',
      county_name: 'San Mateo',
      is_reporting: true,
    });
    const groups = (list: { agencies: number; reporting_agencies: number; summary: { reported: number } }[]) =>
      list.map((g) => [g.agencies, g.reporting_agencies, g.summary.reported]);
    expect(body.states.map((s) => [s.state_code, s.state_name, s.state_fips])).toEqual([
      ['us_ca', 'California', '06'],
      ['us_tx', 'Texas', '48'],
      ['us_wy', 'Wyoming', '56'],
    ]);
    expect(groups(body.states)).toEqual([
      [2, 1, 4],
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(body.counties).toEqual([
      expect.objectContaining({ county_fips: '06081', county_name: 'San Mateo', agencies: 1, reporting_agencies: 1 }),
    ]);
    expect(body.sectors.map((s) => [s.sector, s.sector_name, ...groups([s])[0]!])).toEqual([
      ['LAW_ENFORCEMENT', 'Law Enforcement', 3, 1, 4],
      ['PRISONS', 'Prisons', 1, 0, 0],
      ['SUPERAGENCY', 'Superagency', 1, 0, 0],
    ]);
  });

  it('exports one row per agency as CSV', async () => {
    const res = await getJson(t, as.staff, '/admin/completeness/csv');
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'agency_id,agency,state,county_fips,county,sectors,reporting,expected,reported,published,share_reported,share_published,median_days_to_publish',
    );
    expect(lines).toContain(
      `${police.id},County Police,California,06081,San Mateo,LAW_ENFORCEMENT,yes,27,4,3,${4 / 27},${3 / 27},25`,
    );
    expect(lines).toHaveLength(5);
  });

  it('refuses anyone but staff with 403, writing nothing', async () => {
    for (const url of ['/admin/completeness', '/admin/completeness/csv']) {
      const res = await expectNoWrites(db(), () => getJson(t, as.stateAdmin, url));
      expect(res.statusCode).toBe(403);
    }
  });
});

/** The Home page's data: GET /api/home/:agencyId (02-http-api §2.3). */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../src/contract/home.ts';
import { report } from '../../src/db/schema.ts';
import { givenAgency, givenUser, signIn, type AgencyRow } from '../support/given.ts';
import { getJson, givenMetricSetting, givenReport, givenSignedIn, patchReport } from '../support/given-reports.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

async function recordCount(agency: AgencyRow): Promise<number> {
  const [row] = await db().select({ n: count() }).from(report).where(eq(report.sourceId, agency.id));
  return row!.n;
}

describe('GET /api/home/:agencyId', () => {
  it('lists every metric of the agency, as the metrics route does, and no records when there are none', async () => {
    const { agency, headers } = await givenSignedIn(t, { systems: ['LAW_ENFORCEMENT'] });
    const res = await getJson(t, headers, `/api/home/${agency.id}`);
    expect(res.statusCode).toBe(200);
    const home = res.json() as HomeResponse;
    const metrics = await getJson(t, headers, `/api/agencies/${agency.id}/metrics`);
    expect(home.agency_metrics).toEqual(metrics.json());
    expect(home.monthly_report).toEqual({});
    expect(home.annual_reports).toEqual({});
    expect(home.child_agencies).toEqual([]);
  });

  it('gives the latest monthly record with its values, and the latest calendar- and fiscal-year records', async () => {
    const { agency, headers } = await givenSignedIn(t, { systems: ['LAW_ENFORCEMENT'] });
    await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: true });
    await givenMetricSetting(db(), agency, 'LAW_ENFORCEMENT_FUNDING', {
      is_metric_enabled: true,
      custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 7 },
    });
    await givenReport(db(), agency, { year: 2024, month: 2 });
    const march = await givenReport(db(), agency, { year: 2024, month: 3 });
    await givenReport(db(), agency, { year: 2023, month: 12 });
    await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2022, month: 1 });
    const calendar = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2023, month: 1 });
    const fiscal = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2023, month: 7 });
    await patchReport(t, headers, march.id, {
      status: 'DRAFT',
      metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', value: 42 }],
    });

    const home = (await getJson(t, headers, `/api/home/${agency.id}`)).json() as HomeResponse;
    expect(home.monthly_report).toMatchObject({ id: march.id, status: 'DRAFT', frequency: 'MONTHLY' });
    const arrests = 'metrics' in home.monthly_report ? home.monthly_report.metrics : [];
    expect(arrests.find((m) => m.key === 'LAW_ENFORCEMENT_ARRESTS')).toMatchObject({ enabled: true, value: 42 });
    expect(Object.keys(home.annual_reports)).toEqual(['1', '7']);
    expect(home.annual_reports['1']).toMatchObject({ id: calendar.id, frequency: 'ANNUAL', month: 1 });
    expect(home.annual_reports['7']).toMatchObject({ id: fiscal.id, month: 7 });
    const fiscalMetrics = home.annual_reports['7']!.metrics.map((m) => m.key);
    expect(fiscalMetrics).toContain('LAW_ENFORCEMENT_FUNDING');
  });

  it('lists a superagency’s child agencies, and opens a child’s Home to the superagency’s members', async () => {
    const parent = await givenAgency(db(), { systems: ['SUPERAGENCY', 'PRISONS'], isSuperagency: true });
    const child = await givenAgency(db(), { name: 'A Child Prison', systems: ['PRISONS'], superAgencyId: parent.id });
    const member = await givenUser(db(), { agency: parent, role: 'READ_ONLY' });
    const headers = await signIn(t.app, db(), member);

    const home = (await getJson(t, headers, `/api/home/${parent.id}`)).json() as HomeResponse;
    expect(home.child_agencies).toEqual([
      { id: child.id, name: 'A Child Prison', custom_child_agency_name: null, systems: ['PRISONS'] },
    ]);
    const childHome = await getJson(t, headers, `/api/home/${child.id}`);
    expect(childHome.statusCode).toBe(200);
    expect((childHome.json() as HomeResponse).agency_metrics.map((m) => m.key)).toContain('PRISONS_POPULATION');
  });

  it('answers 404 to someone outside the agency, naming the agency, and creates no records', async () => {
    const agency = await givenAgency(db());
    await givenReport(db(), agency);
    const { headers } = await givenSignedIn(t);
    const res = await getJson(t, headers, `/api/home/${agency.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toContain(`Agency ${agency.id}`);
    expect(await recordCount(agency)).toBe(1);
  });

  it('answers 401 to a signed-out visitor', async () => {
    const agency = await givenAgency(db());
    const res = await t.app.inject({ method: 'GET', url: `/api/home/${agency.id}` });
    expect(res.statusCode).toBe(401);
    expect(await recordCount(agency)).toBe(0);
  });

  it('answers 400 to an agency id that is not a number, naming the parameter', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const res = await getJson(t, headers, '/api/home/first');
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('agencyId');
    expect(await recordCount(agency)).toBe(0);
  });
});

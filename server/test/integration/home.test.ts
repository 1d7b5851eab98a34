/** The Home page's data and onboarding guidance progress (02-http-api §2.3). */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../src/contract/home.ts';
import { agencyUserAccountAssociation, report } from '../../src/db/schema.ts';
import {
  givenAgency,
  givenSuperagencyWithChild,
  givenUser,
  storedMembership,
  type SignedIn,
  signIn,
  type UserRow,
} from '../support/given.ts';
import { getJson, givenMetricSetting, givenReport, givenSignedIn, patchReport } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db } = await testFile();

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

  it('leaves out records whose period has not ended by the server’s date (this month, this year)', async () => {
    const { agency, headers } = await givenSignedIn(t, { systems: ['LAW_ENFORCEMENT'] });
    const november = await givenReport(db(), agency, { year: 2026, month: 11 });
    await givenReport(db(), agency, { year: 2026, month: 12 });
    const lastYear = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2025, month: 1 });
    await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2026, month: 1 });
    const realNow = t.clock.now();
    t.clock.set(new Date('2026-12-03T12:00:00Z'));
    try {
      const home = (await getJson(t, headers, `/api/home/${agency.id}`)).json() as HomeResponse;
      expect(home.monthly_report).toMatchObject({ id: november.id });
      expect(home.annual_reports['1']).toMatchObject({ id: lastYear.id });
    } finally {
      t.clock.set(realNow);
    }
  });

  it('lists a superagency’s child agencies, and opens a child’s Home to the superagency’s members', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(db(), {
      sectors: ['PRISONS'],
      child: { name: 'A Child Prison', systems: ['PRISONS'] },
    });
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

  it('names the metrics each child agency counts differently from the Justice Counts definition', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(db(), {
      sectors: ['PRISONS'],
      child: { name: 'A Child Prison', systems: ['PRISONS'] },
    });
    const sibling = await givenAgency(db(), { name: 'Another Prison', systems: ['PRISONS'], superAgencyId: parent.id });
    // Volunteers are left out of staff by default; counting them differs. Answering the default does not.
    await givenMetricSetting(db(), child, 'PRISONS_TOTAL_STAFF', {
      includes_excludes_member_to_setting: { VOLUNTEER: 'YES' },
    });
    await givenMetricSetting(db(), sibling, 'PRISONS_TOTAL_STAFF', {
      includes_excludes_member_to_setting: { VOLUNTEER: 'NO' },
    });
    const headers = await signIn(t.app, db(), await givenUser(db(), { agency: parent, role: 'READ_ONLY' }));

    const home = (await getJson(t, headers, `/api/home/${parent.id}`)).json() as HomeResponse;
    expect(home.child_definitions).toEqual(
      expect.arrayContaining([
        { agency_id: child.id, differing_metrics: [{ key: 'PRISONS_TOTAL_STAFF', display_name: 'Staff' }] },
        { agency_id: sibling.id, differing_metrics: [] },
      ]),
    );
    expect(home.child_definitions).toHaveLength(2);
  });

  it('answers 404 to someone outside the agency, naming the agency, and creates no records', async () => {
    const agency = await givenAgency(db());
    await givenReport(db(), agency);
    const { headers } = await givenSignedIn(t);
    const res = await expectNoWrites(db(), () => getJson(t, headers, `/api/home/${agency.id}`));
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toContain(`Agency ${agency.id}`);
    expect(await recordCount(agency)).toBe(1);
  });

  it('answers 401 to a signed-out visitor', async () => {
    const agency = await givenAgency(db());
    const res = await expectNoWrites(db(), () => t.app.inject({ method: 'GET', url: `/api/home/${agency.id}` }));
    expect(res.statusCode).toBe(401);
    expect(await recordCount(agency)).toBe(0);
  });

  it('answers 400 to an agency id that is not a number, naming the parameter', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const res = await expectNoWrites(db(), () => getJson(t, headers, '/api/home/first'));
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('agencyId');
    expect(await recordCount(agency)).toBe(0);
  });
});

async function storedGuidance(agency: AgencyRow, user: UserRow): Promise<unknown> {
  return (await storedMembership(db(), agency, user))?.guidanceProgress;
}

const guidanceUrl = (agency: AgencyRow) => `/api/users/agencies/${agency.id}/guidance`;
const putGuidance = (headers: SignedIn, agency: AgencyRow, payload: object) =>
  t.app.inject({ method: 'PUT', url: guidanceUrl(agency), headers, payload });
const topics = (body: { guidance_progress: { topicID: string; topicCompleted: boolean }[] }) =>
  body.guidance_progress.map((topic) => `${topic.topicID}:${topic.topicCompleted}`);

describe('GET and PUT /api/users/agencies/:agencyId/guidance', () => {
  it('starts a member on the five open topics and keeps them', async () => {
    const { agency, user, headers } = await givenSignedIn(t, { role: 'READ_ONLY' });
    const res = await getJson(t, headers, guidanceUrl(agency));
    expect(res.statusCode).toBe(200);
    expect(topics(res.json())).toEqual([
      'WELCOME:false',
      'AGENCY_SETUP:false',
      'METRIC_CONFIG:false',
      'ADD_DATA:false',
      'PUBLISH_DATA:false',
    ]);
    expect(await storedGuidance(agency, user)).toEqual(res.json().guidance_progress);
  });

  it('marks one topic done, even before the progress was first read, and returns a stored list as it is', async () => {
    const { agency, user, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const res = await putGuidance(headers, agency, { updated_topic: { topicID: 'ADD_DATA', topicCompleted: true } });
    expect(res.statusCode).toBe(200);
    expect(topics(res.json())).toContain('ADD_DATA:true');
    expect(topics(res.json()).filter((topic) => topic.endsWith(':true'))).toEqual(['ADD_DATA:true']);

    const custom = [
      { topicID: 'PUBLISH_DATA', topicCompleted: true },
      { topicID: 'WELCOME', topicCompleted: false },
    ];
    await db()
      .update(agencyUserAccountAssociation)
      .set({ guidanceProgress: custom })
      .where(eq(agencyUserAccountAssociation.userAccountId, user.id));
    expect((await getJson(t, headers, guidanceUrl(agency))).json().guidance_progress).toEqual(custom);
    const unknown = await putGuidance(headers, agency, { updated_topic: { topicID: 'TOUR', topicCompleted: true } });
    expect(unknown.json().guidance_progress).toEqual(custom);
  });

  it('refuses a topic without a yes or no, naming the field, and stores nothing', async () => {
    const { agency, user, headers } = await givenSignedIn(t);
    const res = await expectNoWrites(db(), () =>
      putGuidance(headers, agency, { updated_topic: { topicID: 'WELCOME', topicCompleted: 'yes' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('topicCompleted');
    expect(await storedGuidance(agency, user)).toBeNull();
  });

  it('answers 404 to outsiders and keeps the member’s progress as it was', async () => {
    const { agency, user, headers } = await givenSignedIn(t);
    await getJson(t, headers, guidanceUrl(agency));
    const before = await storedGuidance(agency, user);
    const outsider = await givenSignedIn(t);
    const res = await expectNoWrites(db(), () =>
      putGuidance(outsider.headers, agency, {
        updated_topic: { topicID: 'WELCOME', topicCompleted: true },
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toContain(`Agency ${agency.id}`);
    expect((await expectNoWrites(db(), () => getJson(t, outsider.headers, guidanceUrl(agency)))).statusCode).toBe(404);
    expect(await storedGuidance(agency, user)).toEqual(before);
  });

  it('shows a member through a superagency the open topics but keeps nothing for them', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(db(), {
      sectors: [],
      child: { systems: ['PRISONS'] },
    });
    const member = await givenUser(db(), { agency: parent, role: 'AGENCY_ADMIN' });
    const headers = await signIn(t.app, db(), member);
    const read = await getJson(t, headers, guidanceUrl(child));
    expect(read.statusCode).toBe(200);
    expect(read.json().guidance_progress).toHaveLength(5);
    const res = await expectNoWrites(db(), () =>
      putGuidance(headers, child, { updated_topic: { topicID: 'WELCOME', topicCompleted: true } }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toContain('members through a superagency');
    expect(await storedGuidance(child, member)).toBeUndefined();
  });
});

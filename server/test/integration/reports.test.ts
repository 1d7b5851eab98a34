/** Records: creation, periods, statuses, publishing, editors, deletion and who may do what (01-data-model §4, §10). */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datapoint, datapointHistory, report } from '../../src/db/schema.ts';
import {
  AUTOMATIC_UPLOAD_EDITOR,
  insertReports,
  insertReportsInBulk,
  type NewReportInBulk,
} from '../../src/db/queries/reports.ts';
import { givenAgency, givenSuperagencyWithChild, givenUser, signIn } from '../support/given.ts';
import {
  bulkBody,
  datapointsOf,
  getJson,
  givenReport,
  givenSignedIn,
  patchReport,
  reportById,
  snapshotReport,
} from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db } = await testFile();
const today = () => t.clock.now().toISOString().slice(0, 10);
const reportsOfAgency = (agencyId: number) => db().select().from(report).where(eq(report.sourceId, agencyId));

function createReport(headers: Record<string, string>, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/reports', headers, payload: body });
}

describe('POST /api/reports', () => {
  it('creates a monthly record spanning the month, with its creator as editor', async () => {
    const { agency, user, headers } = await givenSignedIn(t, { role: 'AGENCY_ADMIN' });
    const res = await createReport(headers, { agency_id: agency.id, frequency: 'MONTHLY', year: 2022, month: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      agency_id: agency.id,
      frequency: 'MONTHLY',
      year: 2022,
      month: 2,
      status: 'NOT_STARTED',
      publish_date: null,
      editors: [{ name: user.name, role: 'AGENCY_ADMIN' }],
      date_range_start: '2022-02-01',
      date_range_end: '2022-03-01',
    });
    expect(res.json().last_modified_at_timestamp).toBe(t.clock.now().getTime() / 1000);
    const [row] = await reportsOfAgency(agency.id);
    expect(row).toMatchObject({
      type: 'MONTHLY',
      instance: '02 2022 Metrics',
      modifiedBy: [user.id],
      createdAt: today(),
    });
  });

  it('creates calendar-year and fiscal-year records, `year` being the year a fiscal year ends', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const calendar = await createReport(headers, { agency_id: agency.id, frequency: 'ANNUAL', year: 2022, month: 1 });
    expect(calendar.json()).toMatchObject({
      year: 2022,
      month: 1,
      date_range_start: '2022-01-01',
      date_range_end: '2023-01-01',
    });
    const fiscal = await createReport(headers, { agency_id: agency.id, frequency: 'ANNUAL', year: 2022, month: 3 });
    expect(fiscal.json()).toMatchObject({
      frequency: 'ANNUAL',
      year: 2021,
      month: 3,
      date_range_start: '2021-03-01',
      date_range_end: '2022-03-01',
    });
  });

  it('refuses a second record for the same period with 409, naming the period, and writes nothing', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const first = await createReport(headers, { agency_id: agency.id, frequency: 'MONTHLY', year: 2024, month: 3 });
    const again = await expectNoWrites(db(), () =>
      createReport(headers, { agency_id: agency.id, frequency: 'MONTHLY', year: 2024, month: 3 }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'conflict',
      description: `A record for March 2024 already exists (record ${first.json().id}); open it from the records list instead.`,
    });
    expect(await reportsOfAgency(agency.id)).toHaveLength(1);
  });

  it('refuses a period that has not ended by the server’s date with 400 naming it, and writes nothing', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const realNow = t.clock.now();
    t.clock.set(new Date('2026-12-03T12:00:00Z'));
    try {
      const december = await expectNoWrites(db(), () =>
        createReport(headers, {
          agency_id: agency.id,
          frequency: 'MONTHLY',
          year: 2026,
          month: 12,
        }),
      );
      expect(december.statusCode).toBe(400);
      expect(december.json()).toMatchObject({
        code: 'invalid_input',
        description:
          'December 2026 has not ended yet (it ends on December 31, 2026); its record can be created from January 1, 2027.',
        details: [{ field: 'year' }],
      });
      const nextYear = await expectNoWrites(db(), () =>
        createReport(headers, {
          agency_id: agency.id,
          frequency: 'MONTHLY',
          year: 2027,
          month: 1,
        }),
      );
      expect(nextYear.statusCode).toBe(400);
      const thisYear = await createReport(headers, { agency_id: agency.id, frequency: 'ANNUAL', year: 2026, month: 1 });
      expect(thisYear.json().description).toBe(
        'Calendar year 2026 has not ended yet (it ends on December 31, 2026); its record can be created from January 1, 2027.',
      );
      expect(await reportsOfAgency(agency.id)).toHaveLength(0);
      // November, and the fiscal year that ended in June, are over.
      const november = await createReport(headers, {
        agency_id: agency.id,
        frequency: 'MONTHLY',
        year: 2026,
        month: 11,
      });
      expect(november.statusCode).toBe(200);
      const fiscal = await createReport(headers, { agency_id: agency.id, frequency: 'ANNUAL', year: 2026, month: 7 });
      expect(fiscal.json()).toMatchObject({ date_range_start: '2025-07-01', date_range_end: '2026-07-01' });
    } finally {
      t.clock.set(realNow);
    }
  });

  it('refuses a month out of range with 400 and writes nothing', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const res = await expectNoWrites(db(), () =>
      createReport(headers, { agency_id: agency.id, frequency: 'MONTHLY', year: 2024, month: 13 }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toBe('month: must be between 1 and 12 (got 13)');
    expect(await reportsOfAgency(agency.id)).toHaveLength(0);
  });

  it('is for agency admins: contributors and read-only members get 403, outsiders 404, nothing written', async () => {
    const agency = await givenAgency(db());
    const body = { agency_id: agency.id, frequency: 'MONTHLY', year: 2024, month: 1 };
    for (const role of ['CONTRIBUTOR', 'READ_ONLY', null] as const) {
      const { headers } = await givenSignedIn(t, { agency, role });
      const res = await expectNoWrites(db(), () => createReport(headers, body));
      expect(res.statusCode).toBe(403);
      expect(res.json().description).toContain('reports.create');
    }
    const outsider = await givenSignedIn(t);
    expect((await expectNoWrites(db(), () => createReport(outsider.headers, body))).statusCode).toBe(404);
    expect(await reportsOfAgency(agency.id)).toHaveLength(0);
  });

  it("lets a superagency's admin create records for a child agency", async () => {
    const { superagency, child } = await givenSuperagencyWithChild(db());
    const { headers } = await givenSignedIn(t, { agency: superagency });
    const res = await createReport(headers, { agency_id: child.id, frequency: 'MONTHLY', year: 2024, month: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().agency_id).toBe(child.id);
  });
});

describe('records created in bulk (an upload creates thousands)', () => {
  const march = (sourceId: number): NewReportInBulk => ({
    sourceId,
    type: 'MONTHLY',
    instance: '03 2024',
    createdAt: '2024-04-02',
    status: 'DRAFT',
    dateRangeStart: '2024-03-01',
    dateRangeEnd: '2024-04-01',
    lastModifiedAt: new Date('2024-04-02T10:11:12.345Z'),
    modifiedBy: [7, 3],
  });
  const february = (sourceId: number): NewReportInBulk => ({
    ...march(sourceId),
    instance: '02 2024',
    dateRangeStart: '2024-02-01',
    dateRangeEnd: '2024-03-01',
  });
  const stored = async (agencyId: number) =>
    (await reportsOfAgency(agencyId))
      .map(({ id: _id, sourceId: _sourceId, ...fields }) => fields)
      .sort((a, b) => a.dateRangeStart.localeCompare(b.dateRangeStart));

  it('stores what the one-by-one insert stores, skipping a record the agency has, and answers the new keys', async () => {
    const [one, bulk] = [await givenAgency(db()), await givenAgency(db())];
    await insertReports(db(), [march(one.id), february(one.id)]);
    await insertReports(db(), [march(bulk.id)]);

    const created = await insertReportsInBulk(db(), [march(bulk.id), february(bulk.id)]);

    const [row] = await reportsOfAgency(bulk.id).then((rows) => rows.filter((r) => r.instance === '02 2024'));
    expect(created).toEqual([
      { id: row!.id, sourceId: bulk.id, dateRangeStart: '2024-02-01', dateRangeEnd: '2024-03-01' },
    ]);
    expect(await stored(bulk.id)).toEqual(await stored(one.id));
  });
});

describe('GET /api/agencies/:agencyId/reports', () => {
  it('lists records newest period first, with editors most recent first', async () => {
    const { agency, user, headers } = await givenSignedIn(t);
    const colleague = await givenUser(db(), { agency, role: 'CONTRIBUTOR', name: 'Casey Contributor' });
    const older = await givenReport(db(), agency, { year: 2023, month: 12, modifiedBy: [colleague.id, user.id] });
    const annual = await givenReport(db(), agency, { frequency: 'ANNUAL', year: 2023, month: 1 });
    const newer = await givenReport(db(), agency, { year: 2024, month: 1, modifiedBy: [AUTOMATIC_UPLOAD_EDITOR] });
    const res = await getJson(t, headers, `/api/agencies/${agency.id}/reports`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: number; editors: unknown[] }[];
    expect(list.map((r) => r.id)).toEqual([newer.id, annual.id, older.id]);
    expect(list[0]).toMatchObject({ editors: [{ name: 'Automatic Upload', role: 'CONTRIBUTOR' }], agency_name: null });
    expect(list[2]!.editors).toEqual([
      { name: user.name, role: 'AGENCY_ADMIN' },
      { name: 'Casey Contributor', role: 'CONTRIBUTOR' },
    ]);
  });

  it('shows Justice Counts staff as "JC Admin" to everyone else, and drops people no longer in the agency', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const staff = await givenUser(db(), { agency, role: 'JUSTICE_COUNTS_ADMIN', name: 'Staff Person' });
    const gone = await givenUser(db(), { name: 'Former Member' });
    await givenReport(db(), agency, { modifiedBy: [gone.id, staff.id] });
    const res = await getJson(t, headers, `/api/agencies/${agency.id}/reports`);
    expect(res.json()[0].editors).toEqual([{ name: 'JC Admin', role: 'JUSTICE_COUNTS_ADMIN' }]);
    const staffView = await getJson(t, await signIn(t.app, db(), staff), `/api/agencies/${agency.id}/reports`);
    expect(staffView.json()[0].editors).toEqual([{ name: 'Staff Person', role: 'JUSTICE_COUNTS_ADMIN' }]);
  });

  it("lets superagency members list a child agency's records, and refuses outsiders with 404", async () => {
    const { superagency, child } = await givenSuperagencyWithChild(db());
    const record = await givenReport(db(), child);
    const member = await givenSignedIn(t, { agency: superagency, role: 'READ_ONLY' });
    const res = await getJson(t, member.headers, `/api/agencies/${child.id}/reports`);
    expect(res.json().map((r: { id: number }) => r.id)).toEqual([record.id]);
    const outsider = await givenSignedIn(t);
    const refused = await expectNoWrites(db(), () => getJson(t, outsider.headers, `/api/agencies/${child.id}/reports`));
    expect(refused.statusCode).toBe(404);
  });
});

describe('PATCH /api/reports/:reportId status', () => {
  it('publishes: status, publish date today, editor moved to the end, new version', async () => {
    const { agency, user, headers } = await givenSignedIn(t);
    const other = await givenUser(db(), { agency, role: 'CONTRIBUTOR' });
    const record = await givenReport(db(), agency, { status: 'DRAFT', modifiedBy: [user.id, other.id] });
    const res = await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'PUBLISHED',
      publish_date: new Date(`${today()}T00:00:00Z`).toUTCString(),
    });
    const row = await reportById(db(), record.id);
    expect(row).toMatchObject({ status: 'PUBLISHED', publishDate: today(), modifiedBy: [other.id, user.id] });
    expect(row!.lastModifiedAt).toEqual(t.clock.now());
  });

  it('unpublishes, keeping the publish date', async () => {
    const { agency, headers } = await givenSignedIn(t);
    const record = await givenReport(db(), agency, { status: 'PUBLISHED' });
    await db().update(report).set({ publishDate: '2024-04-02' }).where(eq(report.id, record.id));
    const res = await patchReport(t, headers, record.id, { status: 'DRAFT' });
    expect(res.json()).toMatchObject({ status: 'DRAFT', publish_date: 'Tue, 02 Apr 2024 00:00:00 GMT' });
    expect(await reportById(db(), record.id)).toMatchObject({ status: 'DRAFT', publishDate: '2024-04-02' });
  });

  it('is refused for read-only members (403) and outsiders (404), changing nothing', async () => {
    const agency = await givenAgency(db());
    const record = await givenReport(db(), agency, { status: 'DRAFT' });
    const before = await snapshotReport(db(), record.id);
    const readOnly = await givenSignedIn(t, { agency, role: 'READ_ONLY' });
    const res = await expectNoWrites(db(), () => patchReport(t, readOnly.headers, record.id, { status: 'PUBLISHED' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().description).toContain('reports.edit');
    const outsider = await givenSignedIn(t);
    expect(
      (await expectNoWrites(db(), () => patchReport(t, outsider.headers, record.id, { status: 'PUBLISHED' })))
        .statusCode,
    ).toBe(404);
    expect(await snapshotReport(db(), record.id)).toEqual(before);
  });
});

describe('PATCH /api/reports (many at once)', () => {
  it('publishes every listed record and records the editor', async () => {
    const { agency, user, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const a = await givenReport(db(), agency, { month: 1, status: 'DRAFT' });
    const b = await givenReport(db(), agency, { month: 2, status: 'DRAFT' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/reports',
      headers,
      payload: await bulkBody(db(), agency.id, [a.id, b.id], { status: 'PUBLISHED' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { status: string }) => r.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    for (const id of [a.id, b.id]) {
      expect(await reportById(db(), id)).toMatchObject({
        status: 'PUBLISHED',
        modifiedBy: [user.id],
        publishDate: today(),
      });
    }
  });

  it("refuses a list holding another agency's record with 404, changing none of them", async () => {
    const { agency, headers } = await givenSignedIn(t);
    const mine = await givenReport(db(), agency, { status: 'DRAFT' });
    const theirs = await givenReport(db(), await givenAgency(db()), { status: 'DRAFT' });
    const res = await expectNoWrites(db(), async () =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/reports',
        headers,
        payload: await bulkBody(db(), agency.id, [mine.id, theirs.id], { status: 'PUBLISHED' }),
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().description).toBe(`Record ${theirs.id} of agency ${agency.id} was not found.`);
    expect((await reportById(db(), mine.id))!.status).toBe('DRAFT');
    expect((await reportById(db(), theirs.id))!.status).toBe('DRAFT');
  });

  it('refuses read-only members with 403 and an empty list with 400', async () => {
    const agency = await givenAgency(db());
    const record = await givenReport(db(), agency, { status: 'DRAFT' });
    const { headers } = await givenSignedIn(t, { agency, role: 'READ_ONLY' });
    const payload = await bulkBody(db(), agency.id, [record.id], { status: 'PUBLISHED' });
    const res = await expectNoWrites(db(), () =>
      t.app.inject({ method: 'PATCH', url: '/api/reports', headers, payload }),
    );
    expect(res.statusCode).toBe(403);
    const admin = await givenSignedIn(t, { agency });
    const empty = await expectNoWrites(db(), () =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/reports',
        headers: admin.headers,
        payload: { ...payload, reports: [] },
      }),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().description).toContain('reports: list at least one record');
    expect((await reportById(db(), record.id))!.status).toBe('DRAFT');
  });
});

describe('DELETE /api/reports', () => {
  it('lets Justice Counts staff delete records, their values and their history', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'JUSTICE_COUNTS_ADMIN' });
    const record = await givenReport(db(), agency);
    const total = { key: 'LAW_ENFORCEMENT_ARRESTS', value: 10 };
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [total] });
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [{ ...total, value: 11 }] });
    const [point] = await datapointsOf(db(), record.id);
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/reports',
      headers,
      payload: await bulkBody(db(), agency.id, [record.id]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', status_code: 200 });
    expect(await reportById(db(), record.id)).toBeUndefined();
    expect(await db().select().from(datapoint).where(eq(datapoint.id, point!.id))).toEqual([]);
    expect(await db().select().from(datapointHistory).where(eq(datapointHistory.datapointId, point!.id))).toEqual([]);
  });

  it('refuses agency admins with 403 and deletes nothing', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'AGENCY_ADMIN' });
    const record = await givenReport(db(), agency);
    const res = await expectNoWrites(db(), async () =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/reports',
        headers,
        payload: await bulkBody(db(), agency.id, [record.id]),
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().description).toContain('reports.delete');
    expect(await reportById(db(), record.id)).toBeDefined();
  });
});

/**
 * Every write to a record names the version it was read at: a save without `time_loaded` is 428,
 * one later than any version the server gave out is 400, and bulk publish, unpublish and delete
 * take a version per record and refuse the whole action (409 naming the records) when one changed
 * since. Nothing is written by a refused request.
 */
import { describe, expect, it } from 'vitest';
import {
  arrests,
  bulkBody,
  currentVersion,
  givenReport,
  givenSignedIn,
  patchReport,
  reportById,
  snapshotReport,
  type Signed,
} from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db } = await testFile();

describe('PATCH /api/reports/:reportId', () => {
  it('refuses a save without a version with 428 naming time_loaded, writing nothing', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const record = await givenReport(db(), agency, { status: 'DRAFT', lastModifiedAt: t.clock.now() });
    const before = await snapshotReport(db(), record.id);
    const res = await expectNoWrites(t.database.db, () =>
      patchReport(t, headers, record.id, {
        status: 'DRAFT',
        time_loaded: undefined,
        metrics: [arrests(3)],
      }),
    );
    expect(res.statusCode, res.body).toBe(428);
    expect(res.json()).toMatchObject({
      code: 'version_required',
      details: [{ field: 'time_loaded', message: expect.stringContaining('last_modified_at_timestamp') }],
    });
    expect(await snapshotReport(db(), record.id)).toEqual(before);
  });

  it('refuses a version later than any the record had, writing nothing', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const record = await givenReport(db(), agency, { status: 'DRAFT', lastModifiedAt: t.clock.now() });
    const before = await snapshotReport(db(), record.id);
    const tomorrow = t.clock.now().getTime() / 1000 + 86_400;
    const res = await expectNoWrites(t.database.db, () =>
      patchReport(t, headers, record.id, { status: 'DRAFT', time_loaded: tomorrow, metrics: [] }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'time_loaded', message: expect.stringContaining('is later than any version of the record') },
    ]);
    expect(await snapshotReport(db(), record.id)).toEqual(before);
  });

  it('accepts the version of a save made in the same millisecond, which runs ahead of the clock', async () => {
    const { agency, headers } = await givenSignedIn(t, { role: 'CONTRIBUTOR' });
    const record = await givenReport(db(), agency, { status: 'DRAFT' });
    for (const value of [1, 2, 3]) {
      const res = await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(value)] });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await reportById(db(), record.id))!.lastModifiedAt!.getTime()).toBeGreaterThan(t.clock.now().getTime());
  });
});

async function twoDrafts(who: Signed) {
  const a = await givenReport(db(), who.agency, {
    year: 2023,
    month: 1,
    status: 'DRAFT',
    lastModifiedAt: t.clock.now(),
  });
  const b = await givenReport(db(), who.agency, {
    year: 2023,
    month: 2,
    status: 'DRAFT',
    lastModifiedAt: t.clock.now(),
  });
  return [a, b] as const;
}

describe.each([
  { action: 'publish', method: 'PATCH' as const, extra: { status: 'PUBLISHED' }, role: 'CONTRIBUTOR' as const },
  { action: 'delete', method: 'DELETE' as const, extra: {}, role: 'AGENCY_ADMIN' as const },
])('bulk $action ($method /api/reports)', ({ method, extra, role }) => {
  const signedIn = () => givenSignedIn(t, { role, isPlatformAdmin: method === 'DELETE' });
  const send = (who: Signed, payload: object) =>
    t.app.inject({ method, url: '/api/reports', headers: who.headers, payload });

  it('refuses the whole action with 409 naming the record changed since, writing nothing', async () => {
    const who = await signedIn();
    const [a, b] = await twoDrafts(who);
    const loaded = await bulkBody(db(), who.agency.id, [a.id, b.id], extra);
    // Someone saves February in between.
    expect((await patchReport(t, who.headers, b.id, { status: 'DRAFT', metrics: [arrests(9)] })).statusCode).toBe(200);
    const before = [await snapshotReport(db(), a.id), await snapshotReport(db(), b.id)];
    const res = await expectNoWrites(t.database.db, () => send(who, loaded));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'version_conflict',
      description: `This record has changed since you loaded it: February 2023 (record ${b.id}). Nothing was changed; reload the list to see the changes, then try again.`,
    });
    expect([await snapshotReport(db(), a.id), await snapshotReport(db(), b.id)]).toEqual(before);
  });

  it('refuses a request without versions (only report_ids) with 428 naming reports, writing nothing', async () => {
    const who = await signedIn();
    const [a] = await twoDrafts(who);
    const before = await snapshotReport(db(), a.id);
    const res = await expectNoWrites(t.database.db, () =>
      send(who, { agency_id: who.agency.id, report_ids: [a.id], ...extra }),
    );
    expect(res.statusCode, res.body).toBe(428);
    expect(res.json()).toMatchObject({ code: 'version_required', details: [{ field: 'reports' }] });
    expect(await snapshotReport(db(), a.id)).toEqual(before);
  });

  it('refuses a version from the future with 400 naming it, writing nothing', async () => {
    const who = await signedIn();
    const [a, b] = await twoDrafts(who);
    const before = await snapshotReport(db(), b.id);
    const future = t.clock.now().getTime() / 1000 + 3_600;
    const reports = [
      { id: a.id, time_loaded: await currentVersion(db(), a.id) },
      { id: b.id, time_loaded: future },
    ];
    const res = await expectNoWrites(t.database.db, () => send(who, { agency_id: who.agency.id, reports, ...extra }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toEqual([{ field: 'reports.1.time_loaded', message: expect.any(String) }]);
    expect(await snapshotReport(db(), b.id)).toEqual(before);
  });

  it('acts on every record when each version is current', async () => {
    const who = await signedIn();
    const [a, b] = await twoDrafts(who);
    const res = await send(who, await bulkBody(db(), who.agency.id, [a.id, b.id], extra));
    expect(res.statusCode, res.body).toBe(200);
    const after = [await reportById(db(), a.id), await reportById(db(), b.id)];
    expect(after.map((r) => r?.status)).toEqual(
      method === 'DELETE' ? [undefined, undefined] : ['PUBLISHED', 'PUBLISHED'],
    );
  });
});

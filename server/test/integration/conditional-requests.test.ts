/**
 * Conditional GETs of agency data: a strong ETag from the data's version, 304 to a matching
 * If-None-Match, and a new tag after anything the answer shows has changed.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, userAccount } from '../../src/db/schema.ts';
import type { SignedIn } from '../support/given.ts';
import { givenColleague, putMetrics } from '../support/given-metric-settings.ts';
import { arrests, givenReport, patchReport } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, given } = await testFile();

function get(headers: SignedIn, url: string, ifNoneMatch?: string) {
  const conditional = ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch };
  return t.app.inject({ method: 'GET', url, headers: { cookie: headers.cookie, ...conditional } });
}

/** The tag of a full answer, checking what every tagged answer carries. */
async function tagOf(headers: SignedIn, url: string): Promise<string> {
  const res = await get(headers, url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-cache');
  const tag = String(res.headers.etag);
  expect(tag).toMatch(/^"[\w-]{32}"$/);
  return tag;
}

/** Revalidating with the tag answers 304 with no body, and the same tag and caching. */
async function expectNotModified(headers: SignedIn, url: string, tag: string) {
  for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`]) {
    const res = await get(headers, url, ifNoneMatch);
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(tag);
    expect(res.headers['cache-control']).toBe('private, no-cache');
  }
}

describe('GET /api/reports/:reportId', () => {
  it('answers 304 until a save, and a new tag after it', async () => {
    const { headers, record } = await given.agencyWithRecords();
    const url = `/api/reports/${record.id}`;
    const before = await tagOf(headers, url);
    expect(await tagOf(headers, url)).toBe(before);
    await expectNotModified(headers, url, before);

    expect((await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(7)] })).statusCode).toBe(200);
    const stale = await get(headers, url, before);
    expect(stale.statusCode).toBe(200);
    expect(stale.json().metrics[1]).toMatchObject({ key: 'LAW_ENFORCEMENT_ARRESTS', value: 7 });
    expect(stale.headers.etag).not.toBe(before);
    await expectNotModified(headers, url, String(stale.headers.etag));
  });

  it('changes with the metric settings, an editor’s name and the viewer’s role', async () => {
    const { agency, user, headers, record } = await given.agencyWithRecords({ role: 'AGENCY_ADMIN' });
    const url = `/api/reports/${record.id}`;
    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(1)] });
    const saved = await tagOf(headers, url);

    const switchedOff = [{ key: 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', enabled: false }];
    expect((await putMetrics(t, headers, agency.id, switchedOff)).statusCode).toBe(200);
    const configured = await tagOf(headers, url);
    expect(configured).not.toBe(saved);

    await db().update(userAccount).set({ name: 'Renamed Editor' }).where(eq(userAccount.id, user.id));
    const renamed = await get(headers, url, configured);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().editors).toEqual([{ name: 'Renamed Editor', role: 'AGENCY_ADMIN' }]);

    const colleague = await givenColleague(t, agency, 'READ_ONLY');
    expect(await tagOf(colleague, url)).toBe(renamed.headers.etag);
    await db()
      .update(agencyUserAccountAssociation)
      .set({ role: 'CONTRIBUTOR' })
      .where(eq(agencyUserAccountAssociation.userAccountId, user.id));
    expect((await get(colleague, url, String(renamed.headers.etag))).statusCode).toBe(200);
  });

  it('refuses outsiders whatever tag they send, and ignores a tag that is not current', async () => {
    const { headers, record } = await given.agencyWithRecords();
    const url = `/api/reports/${record.id}`;
    const tag = await tagOf(headers, url);
    const outsider = await given.agencyWithRecords();
    for (const ifNoneMatch of [tag, '*']) {
      expect((await expectNoWrites(db(), () => get(outsider.headers, url, ifNoneMatch))).statusCode).toBe(404);
    }
    for (const ifNoneMatch of ['"stale"', 'garbage', '']) {
      const res = await get(headers, url, ifNoneMatch);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe(tag);
    }
  });
});

describe('GET /api/agencies/:agencyId/reports', () => {
  it('answers 304 until a record is saved or added', async () => {
    const { agency, headers, record } = await given.agencyWithRecords();
    const url = `/api/agencies/${agency.id}/reports`;
    const before = await tagOf(headers, url);
    await expectNotModified(headers, url, before);

    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(3)] });
    const saved = await get(headers, url, before);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()[0]).toMatchObject({ id: record.id, status: 'DRAFT' });
    const afterSave = String(saved.headers.etag);
    expect(afterSave).not.toBe(before);
    await expectNotModified(headers, url, afterSave);

    await givenReport(db(), agency, { year: 2024, month: 4 });
    const added = await get(headers, url, afterSave);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toHaveLength(2);
  });
});

describe('GET /api/agencies/:agencyId', () => {
  it('answers 304 until a setting is saved, and its tag is the viewer’s own', async () => {
    const { agency, headers } = await given.agencyWithRecords({ role: 'AGENCY_ADMIN' });
    const url = `/api/agencies/${agency.id}`;
    const before = await tagOf(headers, url);
    await expectNotModified(headers, url, before);

    const setting = { setting_type: 'HOMEPAGE_URL', value: 'https://example.test/sheriff' };
    const patched = await t.app.inject({ method: 'PATCH', url, headers, payload: { settings: [setting] } });
    expect(patched.statusCode, patched.body).toBe(200);
    const saved = await get(headers, url, before);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings).toContainEqual(setting);
    await expectNotModified(headers, url, String(saved.headers.etag));

    const colleague = await givenColleague(t, agency, 'AGENCY_ADMIN');
    expect((await get(colleague, url, String(saved.headers.etag))).statusCode).toBe(200);
  });
});

describe('GET /api/agencies/:agencyId/metrics', () => {
  it('answers 304 until the settings are saved', async () => {
    const { agency, headers } = await given.agencyWithRecords({ role: 'AGENCY_ADMIN' });
    const url = `/api/agencies/${agency.id}/metrics`;
    const before = await tagOf(headers, url);
    await expectNotModified(headers, url, before);

    expect(
      (await putMetrics(t, headers, agency.id, [{ key: 'LAW_ENFORCEMENT_ARRESTS', enabled: false }])).statusCode,
    ).toBe(200);
    const saved = await get(headers, url, before);
    expect(saved.statusCode).toBe(200);
    const arrestsSetting = saved.json().find((m: { key: string }) => m.key === 'LAW_ENFORCEMENT_ARRESTS');
    expect(arrestsSetting.enabled).toBe(false);
    await expectNotModified(headers, url, String(saved.headers.etag));
  });
});

describe('GET /api/agencies/:agencyId/datapoints', () => {
  it('answers 304 until a value is saved or a record changes status', async () => {
    const { agency, headers, record } = await given.agencyWithRecords({ role: 'AGENCY_ADMIN' });
    const url = `/api/agencies/${agency.id}/datapoints`;
    const before = await tagOf(headers, url);
    await expectNotModified(headers, url, before);

    await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [arrests(9)] });
    const saved = await get(headers, url, before);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().datapoints.map((d: { value: unknown }) => d.value)).toEqual([9]);
    const afterSave = String(saved.headers.etag);
    await expectNotModified(headers, url, afterSave);

    await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [] });
    const published = await get(headers, url, afterSave);
    expect(published.statusCode).toBe(200);
    expect(published.json().datapoints[0].is_published).toBe(true);
  });
});

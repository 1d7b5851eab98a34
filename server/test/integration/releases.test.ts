/**
 * Public releases: every change to what the public sees makes the next numbered release, with what
 * changed and a hash chained to the release before; drafts make none; each release stays readable
 * as JSON and CSV at its own address; `jc verify-releases` checks the chain and finds tampering.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publicRelease, source } from '../../src/db/schema.ts';
import type { ReleaseResponse, ReleasesResponse } from '../../src/contract/releases.ts';
import { ARRESTS, givenDashboardAgency, givenUsualSettings, OFFENSE } from '../support/given-public-data.ts';
import { arrests, givenReport, givenSignedIn, recordSaver, type Signed } from '../support/given-reports.ts';
import { putMetrics } from '../support/given-metric-settings.ts';
import { jcOn } from '../support/run-jc.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const releasesUrl = (agencyId: number) => `/api/public/agencies/${agencyId}/releases`;

async function releasesOf(agencyId: number): Promise<ReleasesResponse['releases']> {
  const res = await t.app.inject({ method: 'GET', url: releasesUrl(agencyId) });
  expect(res.statusCode).toBe(200);
  return res.json<ReleasesResponse>().releases;
}

async function release(agencyId: number, number: number): Promise<ReleaseResponse> {
  const res = await t.app.inject({ method: 'GET', url: `${releasesUrl(agencyId)}/${number}` });
  expect(res.statusCode).toBe(200);
  return res.json<ReleaseResponse>();
}

/** A police department with its dashboard on, an admin, and a January 2024 record, saved as told. */
async function givenPublishingAgency() {
  const agency = await givenDashboardAgency(t.database.db);
  await givenUsualSettings(t.database.db, agency);
  const signed = await givenSignedIn(t, { agency, role: 'AGENCY_ADMIN' });
  const record = await givenReport(t.database.db, agency, { year: 2024, month: 1 });
  const save = recordSaver(t, signed.headers, record.id);
  return { ...signed, record, save };
}

describe('public releases', () => {
  it('makes a release on publish, on an edit of a published record and on unpublish, none for drafts', async () => {
    const { agency, save } = await givenPublishingAgency();
    await save({ status: 'DRAFT', metrics: [arrests(10, [{ key: 'Drug Offenses', value: 4 }])] });
    expect(await releasesOf(agency.id)).toEqual([]);

    // Drug offenses alone do not add up to the total: publishing needs an explanation (publish-checks.test.ts).
    const explanations = [{ flag: `breakdown_sum:${ARRESTS}:${OFFENSE}`, text: 'Other offenses are counted later.' }];
    await save({ status: 'PUBLISHED', metrics: [], explanations });
    await save({ status: 'PUBLISHED', metrics: [arrests(12)] });
    await save({ status: 'DRAFT', metrics: [] });
    const releases = await releasesOf(agency.id);
    expect(releases.map((r) => [r.number, r.added, r.changed, r.removed])).toEqual([
      [3, 0, 0, 2],
      [2, 0, 1, 0],
      [1, 2, 0, 0],
    ]);
    expect(releases[0]?.previous_chain_sha256).toBe(releases[1]?.chain_sha256);
    expect(releases[2]?.previous_chain_sha256).toBeNull();

    const second = await release(agency.id, 2);
    expect(second.changes).toEqual([
      expect.objectContaining({
        metric: ARRESTS,
        metric_name: 'Arrests',
        period_start: '2024-01-01',
        before: '10',
        after: '12',
      }),
    ]);
    expect(second.values).toContainEqual(
      expect.objectContaining({ breakdown: OFFENSE, member: 'DRUG', member_name: 'Drug Offenses', value: '4' }),
    );
  });

  it("dates the release of a metric switched off with the app's clock", async () => {
    const { agency, headers, save } = await givenPublishingAgency();
    await save({ status: 'PUBLISHED', metrics: [arrests(10)] });
    const instant = new Date(Date.now() + 60_000);
    t.clock.set(instant);
    const res = await putMetrics(t, headers, agency.id, [{ key: ARRESTS, enabled: false }]);
    t.clock.set(new Date());
    expect(res.statusCode).toBe(200);
    const [latest] = await releasesOf(agency.id);
    expect([latest?.number, latest?.removed, latest?.released_at]).toEqual([2, 1, instant.toISOString()]);
  });

  it('serves each release as CSV at its permanent address', async () => {
    const { agency, save } = await givenPublishingAgency();
    await save({ status: 'PUBLISHED', metrics: [arrests(7)] });
    const [first] = await releasesOf(agency.id);
    const res = await t.app.inject({ method: 'GET', url: first!.csv_url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\n')[0]).toBe(
      'metric,metric_name,period_start,period_end,breakdown,breakdown_name,member,member_name,sub_category,value,note',
    );
    expect(res.body).toContain(`${ARRESTS},Arrests,2024-01-01,2024-02-01,,,,,,7,\n`);
  });

  it('answers 404 for an agency without a dashboard or an unknown release, 400 for a bad number', async () => {
    const { agency, save } = await givenPublishingAgency();
    await save({ status: 'PUBLISHED', metrics: [arrests(7)] });
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url: `${releasesUrl(agency.id)}/9` })))
        .statusCode,
    ).toBe(404);
    const bad = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `${releasesUrl(agency.id)}/first` }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ field: 'params.number' })],
    });
    await t.database.db.update(source).set({ isDashboardEnabled: false }).where(eq(source.id, agency.id));
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url: releasesUrl(agency.id) })))
        .statusCode,
    ).toBe(404);
    expect(
      (await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url: `${releasesUrl(agency.id)}/1` })))
        .statusCode,
    ).toBe(404);
  });
});

describe('jc verify-releases', () => {
  async function agencyWithTwoReleases(): Promise<Signed> {
    const publishing = await givenPublishingAgency();
    await publishing.save({ status: 'PUBLISHED', metrics: [arrests(7)] });
    await publishing.save({ status: 'PUBLISHED', metrics: [arrests(8)] });
    return publishing;
  }

  /** Changes the agency's releases after the fact; `jc verify-releases` then names release 1. */
  async function expectTamperingFound(agencyId: number, change: Partial<typeof publicRelease.$inferInsert>) {
    await t.database.db.update(publicRelease).set(change).where(eq(publicRelease.agencyId, agencyId));
    const tampered = await jcOn(t.database)('verify-releases', '--agency', String(agencyId));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`agency ${agencyId}, release 1: its content was changed after it was released`);
  }

  it('verifies an untouched chain and names the release whose content was changed afterwards', async () => {
    const { agency } = await agencyWithTwoReleases();
    const jc = jcOn(t.database);
    const ok = await jc('verify-releases', '--agency', String(agency.id));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('All 2 releases verify');

    await expectTamperingFound(agency.id, { content: sql`jsonb_set(${publicRelease.content}, '{0,6}', '"70"')` });
  });

  it('covers the data notes: a release whose note was changed afterwards fails', async () => {
    const { agency, save } = await givenPublishingAgency();
    await save({ status: 'DRAFT', metrics: [arrests(10, [{ key: 'Drug Offenses', value: 4 }])] });
    const explanations = [{ flag: `breakdown_sum:${ARRESTS}:${OFFENSE}`, text: 'Other offenses are counted later.' }];
    await save({ status: 'PUBLISHED', metrics: [], explanations });
    const jc = jcOn(t.database);
    expect((await jc('verify-releases', '--agency', String(agency.id))).code).toBe(0);

    await expectTamperingFound(agency.id, {
      notes: sql`jsonb_set(${publicRelease.notes}, '{0,3}', '"Nothing unusual."')`,
    });
  });

  it('finds a release removed from the chain', async () => {
    const { agency } = await agencyWithTwoReleases();
    await t.database.db.delete(publicRelease).where(eq(publicRelease.number, 1));
    const result = await jcOn(t.database)('verify-releases', '--agency', String(agency.id));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`agency ${agency.id}, release 2: follows release none`);
  });
});

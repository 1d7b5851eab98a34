/**
 * Public figures computed once per change: publishing or unpublishing writes the agency's public
 * snapshot in the same transaction, and the public pages answer from it, not from the records.
 * New values in a published record ask for a refresh, which makes one release for a burst of saves.
 */
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DashboardAgencyJson, PublishedDataResponse } from '../../src/contract/public-data.ts';
import { datapoint, publicRefresh, publicRelease, publicSnapshot } from '../../src/db/schema.ts';
import { refreshPublicFigures } from '../../src/domain/public-data/refresh-public-figures.ts';
import { ARRESTS, givenDashboardAgency, givenUsualSettings } from '../support/given-public-data.ts';
import { arrests, givenReport, givenSignedIn, patchReport } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db, get } = await testFile();

async function publicArrests(agencyId: number): Promise<(string | number | null)[]> {
  const res = await get(`/api/agencies/${agencyId}/published_data`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
  const metric = res.json<PublishedDataResponse>().metrics.find((m) => m.key === ARRESTS)!;
  return (metric.datapoints ?? []).map((d) => d.value);
}

async function dashboardMetrics(agencyId: number): Promise<string[]> {
  const list = (await get('/api/agencies/dashboard')).json<DashboardAgencyJson[]>();
  return list.find((agency) => agency.id === agencyId)?.available_metric_keys ?? [];
}

async function givenPublisher() {
  const agency = await givenDashboardAgency(db());
  await givenUsualSettings(db(), agency);
  const { headers } = await givenSignedIn(t, { agency, role: 'AGENCY_ADMIN' });
  const record = await givenReport(db(), agency, { year: 2024, month: 3 });
  return { agency, headers, record };
}

describe('the public snapshot', () => {
  it('is written when a record is published and answers the public pages from then on', async () => {
    const { agency, headers, record } = await givenPublisher();
    expect(await publicArrests(agency.id)).toEqual([]);
    const published = await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [arrests(42)] });
    expect(published.statusCode).toBe(200);

    const [snapshot] = await db().select().from(publicSnapshot).where(eq(publicSnapshot.agencyId, agency.id));
    expect(snapshot?.values).toEqual([
      [expect.any(Number), record.id, '2024-03-01', '2024-04-01', ARRESTS, null, null, '42'],
    ]);
    expect(await publicArrests(agency.id)).toEqual([42]);
    expect(await dashboardMetrics(agency.id)).toHaveLength(1);

    // A value changed behind the application's back is not read: the pages answer from the snapshot.
    await db().update(datapoint).set({ value: '7' }).where(eq(datapoint.reportId, record.id));
    expect(await publicArrests(agency.id)).toEqual([42]);
  });

  it('is emptied when the record is unpublished, and a refused save leaves it as it was', async () => {
    const { agency, headers, record } = await givenPublisher();
    await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [arrests(5)] });
    const stale = await expectNoWrites(db(), () =>
      patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [], time_loaded: 1 }),
    );
    expect(stale.statusCode).toBe(409);
    expect(await publicArrests(agency.id)).toEqual([5]);

    expect((await patchReport(t, headers, record.id, { status: 'DRAFT', metrics: [] })).statusCode).toBe(200);
    const [snapshot] = await db().select().from(publicSnapshot).where(eq(publicSnapshot.agencyId, agency.id));
    expect(snapshot?.values).toEqual([]);
    expect(await publicArrests(agency.id)).toEqual([]);
    expect(await dashboardMetrics(agency.id)).toEqual([]);
  });
});

const releasesOf = async (agencyId: number) =>
  db().select().from(publicRelease).where(eq(publicRelease.agencyId, agencyId));
const pendingFor = async (agencyId: number) =>
  db().select().from(publicRefresh).where(eq(publicRefresh.agencyId, agencyId));

describe('new values in a published record', () => {
  it('are shown once the refresh has run, and a burst of saves makes one release', async () => {
    const { agency, headers, record } = await givenPublisher();
    let saved = await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [arrests(42)] });
    for (const value of [43, 44, 45]) {
      const version = saved.json<{ last_modified_at_timestamp: number }>().last_modified_at_timestamp;
      saved = await patchReport(t, headers, record.id, {
        status: 'PUBLISHED',
        metrics: [arrests(value)],
        time_loaded: version,
      });
      expect(saved.statusCode).toBe(200);
    }
    expect(await publicArrests(agency.id)).toEqual([42]);
    expect(await pendingFor(agency.id)).toHaveLength(1);

    expect(await refreshPublicFigures(db(), { now: t.clock.now() })).toBeGreaterThanOrEqual(1);
    expect(await publicArrests(agency.id)).toEqual([45]);
    expect(await pendingFor(agency.id)).toEqual([]);
    expect((await releasesOf(agency.id)).map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it('leave nothing to refresh when the save is refused', async () => {
    const { agency, headers, record } = await givenPublisher();
    await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [arrests(5)] });
    const stale = await expectNoWrites(db(), () =>
      patchReport(t, headers, record.id, {
        status: 'PUBLISHED',
        metrics: [arrests(6)],
        time_loaded: 1,
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(await pendingFor(agency.id)).toEqual([]);
  });
});

describe('the back-fill of migration 0009', () => {
  it('queues every agency with published records and no snapshot, once, and the refresh writes their snapshots', async () => {
    const { agency, headers, record } = await givenPublisher();
    await patchReport(t, headers, record.id, { status: 'PUBLISHED', metrics: [arrests(9)] });
    await db().delete(publicSnapshot).where(eq(publicSnapshot.agencyId, agency.id));
    const migration = readFileSync(new URL('../../src/db/migrations/0009_public_refresh.sql', import.meta.url), 'utf8');
    const backFill = migration.split('--> statement-breakpoint').at(-1)!;
    await db().execute(sql.raw(backFill));
    expect(await pendingFor(agency.id)).toHaveLength(1);

    await refreshPublicFigures(db(), { now: t.clock.now() });
    const [snapshot] = await db().select().from(publicSnapshot).where(eq(publicSnapshot.agencyId, agency.id));
    expect(snapshot?.values).toEqual([
      [expect.any(Number), record.id, '2024-03-01', '2024-04-01', ARRESTS, null, null, '9'],
    ]);
    await db().execute(sql.raw(backFill));
    expect(await pendingFor(agency.id)).toEqual([]);
  });
});

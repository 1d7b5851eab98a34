/**
 * DATABASE_REPLICA_URL: the public pages and Explore Data read a streaming replica, and a person
 * who has just saved reads the primary until the replica has replayed their save. The replica's
 * replay is paused to make its lag visible. PostgreSQL only: skipped on the embedded run
 * (TEST_DATABASE_URL unset), since the replica is a second PostgreSQL cluster made for the test.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDataResponse } from '../../src/contract/public-data.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { currentWalPosition, hasReplayed } from '../../src/db/queries/wal-positions.ts';
import { WROTE_COOKIE } from '../../src/http/read-replica.ts';
import { ARRESTS, givenDashboardAgency, givenUsualSettings } from '../support/given-public-data.ts';
import { arrests, givenReport, givenSignedIn, patchReport } from '../support/given-reports.ts';
import { startReplicaPair, type ReplicaPair } from '../support/streaming-replica.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('a read replica', () => {
  let pair: ReplicaPair;
  let t: TestApp;
  let replica: Database;

  beforeAll(async () => {
    pair = await startReplicaPair();
    const primary = await openDatabase({ url: pair.primaryUrl });
    await migrateDatabase(primary);
    replica = await openDatabase({ url: pair.replicaUrl });
    t = await createTestApp({ database: primary, readReplica: replica });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await pair?.remove();
  }, 60_000);

  const setReplay = (paused: boolean) =>
    replica.db.execute(paused ? sql`select pg_wal_replay_pause()` : sql`select pg_wal_replay_resume()`);

  async function replicaCaughtUp() {
    const lsn = await currentWalPosition(t.database.db);
    for (let tries = 0; tries < 300 && !(await hasReplayed(replica.db, lsn)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await hasReplayed(replica.db, lsn)).toBe(true);
  }

  async function publicArrests(agencyId: number, cookie?: string) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${agencyId}/published_data`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    const metric = res.json<PublishedDataResponse>().metrics.find((m) => m.key === ARRESTS)!;
    return (metric.datapoints ?? []).map((d) => d.value);
  }

  async function exploreValues(agencyId: number, cookie: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/datapoints`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json<{ datapoints: { value: unknown }[] }>().datapoints.map((d) => d.value);
  }

  it('serves the public and Explore Data from the replica, and a saver their own save from the primary', async () => {
    const agency = await givenDashboardAgency(t.database.db);
    await givenUsualSettings(t.database.db, agency);
    const publisher = await givenSignedIn(t, { agency, role: 'AGENCY_ADMIN' });
    const colleague = await givenSignedIn(t, { agency, role: 'READ_ONLY' });
    const record = await givenReport(t.database.db, agency, { year: 2024, month: 3 });
    await replicaCaughtUp();

    await setReplay(true);
    try {
      const saved = await patchReport(t, publisher.headers, record.id, { status: 'PUBLISHED', metrics: [arrests(42)] });
      expect(saved.statusCode).toBe(200);
      const wrote = saved.cookies.find((cookie) => cookie.name === WROTE_COOKIE);
      expect(wrote?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const publisherCookie = `${publisher.headers.cookie}; ${WROTE_COOKIE}=${wrote!.value}`;

      // The replica has not replayed the save: everyone else still reads what it has.
      expect(await publicArrests(agency.id)).toEqual([]);
      expect(await exploreValues(agency.id, colleague.headers.cookie)).toEqual([]);
      // The publisher reads their own save, from the primary.
      expect(await publicArrests(agency.id, publisherCookie)).toEqual([42]);
      expect(await exploreValues(agency.id, publisherCookie)).toEqual([42]);
      // A made-up position is not believed: the primary answers.
      expect(await publicArrests(agency.id, `${WROTE_COOKIE}=not-a-position`)).toEqual([42]);
    } finally {
      await setReplay(false);
    }
    await replicaCaughtUp();
    expect(await publicArrests(agency.id)).toEqual([42]);
    expect(await exploreValues(agency.id, colleague.headers.cookie)).toEqual([42]);
  });
});

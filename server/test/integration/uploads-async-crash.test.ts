/**
 * kill -9 of the server working on an asynchronous upload, during the COPY of its values and during
 * the merge: nothing of the file is saved, and the status resource ends FAILED, saying so. The
 * server is told (UPLOAD_TEST_PAUSE) to stop at the step and leave a marker file, so the kill comes
 * at a known point, not after a guessed time. On PostgreSQL a second instance answers throughout;
 * on the embedded engine (one process per data folder) the instance is started again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MergeStep } from '../../src/domain/uploads/merge-upload-values.ts';
import type { UploadJobWire } from '../../src/contract/uploads.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createSession, SESSION_COOKIE } from '../../src/domain/auth/sessions.ts';
import { ABANDONED } from '../../src/domain/uploads/upload-job-rules.ts';
import { givenAgency, givenUser } from '../support/given.ts';
import { arrestsByRaceCsv, writtenRows } from '../support/given-uploads.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { openTestDatabase, testDatabaseUrl } from '../support/test-database.ts';

/** 43,200 rows: more than one chunk of the COPY (1 MB on PostgreSQL). */
const CHILDREN = 6;
/** Seconds without a heartbeat before a job counts as abandoned: short, so the test need not wait long. */
const STALE_SECONDS = '5';

let dataDir: string;
let agencyIds: number[];
let childNames: string[];
let cookie: string;
const servers: ServerProcess[] = [];

const engineEnv = (): Record<string, string> =>
  testDatabaseUrl ? { DATABASE_URL: testDatabaseUrl } : { DATA_DIR: dataDir };

async function start(pause: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServer({ env: { ...engineEnv(), UPLOAD_STALE_SECONDS: STALE_SECONDS, ...pause } });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'jc-upload-crash-'));
  const database = await openTestDatabase(testDatabaseUrl ? undefined : path.join(dataDir, 'pglite'));
  const parent = await givenAgency(database.db, { isSuperagency: true, systems: ['LAW_ENFORCEMENT'] });
  const children = [];
  for (let i = 0; i < CHILDREN; i += 1) {
    children.push(await givenAgency(database.db, { superAgencyId: parent.id, systems: ['LAW_ENFORCEMENT'] }));
  }
  agencyIds = [parent.id, ...children.map((child) => child.id)];
  childNames = children.map((child) => child.name);
  const user = await givenUser(database.db, { agency: parent, role: 'AGENCY_ADMIN' });
  cookie = `${SESSION_COOKIE}=${(await createSession(database.db, user.id, new Date())).token}`;
  await database.close();
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function headersFor(server: ServerProcess) {
  const init = await fetch(`${server.url}/api/init`, { headers: { cookie } });
  return { cookie, 'x-csrf-token': ((await init.json()) as { csrf: string }).csrf };
}

/** The status, or undefined when the server did not answer within the time given. */
async function statusOf(server: ServerProcess, location: string, timeoutMs = 30_000) {
  try {
    const res = await fetch(`${server.url}${location}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return (await res.json()) as UploadJobWire;
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function postAsync(server: ServerProcess): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(arrestsByRaceCsv(childNames))]), 'arrests_by_race.csv');
  form.set('agency_id', String(agencyIds[0]));
  form.set('system', 'LAW_ENFORCEMENT');
  const res = await fetch(`${server.url}/api/spreadsheets`, {
    method: 'POST',
    headers: { ...(await headersFor(server)), prefer: 'respond-async' },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return res.headers.get('location')!;
}

it.each<MergeStep>(['copying', 'merging'])(
  'leaves nothing and ends FAILED when the server is killed while %s the values',
  async (step) => {
    const marker = path.join(dataDir, `paused-${step}`);
    const working = await start({ UPLOAD_TEST_PAUSE: `${step}:${marker}` });
    const watcher = testDatabaseUrl ? await start() : undefined;
    const location = await postAsync(working);
    await until('the upload to reach the step', async () => (existsSync(marker) ? true : undefined), 240_000);
    if (watcher) {
      const writing = async () => ((await statusOf(watcher, location))?.state === 'WRITING' ? true : undefined);
      await until('another instance to see the job writing', writing, 10_000);
    }
    await working.crash();
    const answering = watcher ?? (await start());

    const job = await until(
      'the job to fail',
      async () => {
        const status = await statusOf(answering, location);
        return status?.state === 'FAILED' ? status : undefined;
      },
      60_000,
    );
    expect(job.failure).toEqual({ code: 'server_error', description: ABANDONED });
    expect(job.spreadsheet_id).toBeNull();
    // The embedded engine's folder opens in one process at a time.
    for (const server of servers.splice(0)) await server.stop();
    const database = await openDatabase({ url: testDatabaseUrl, dataDir: path.join(dataDir, 'pglite') });
    try {
      expect(await writtenRows(database.db, agencyIds)).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
    } finally {
      await database.close();
    }
  },
  600_000,
);

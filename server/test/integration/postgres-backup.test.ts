/**
 * A PostgreSQL backup, restored, as operations.md tells operators to take it: `pg_dump` in its
 * custom format of a database with the demo data and an uploaded workbook, `pg_restore` into a new
 * database, then this release's server started on the copy reads the same records and files as on
 * the original. Needs PostgreSQL and its client tools even on the embedded run (scratch-postgres.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../../src/db/open-configured.ts';
import { source } from '../../src/db/schema.ts';
import { DEMO_PASSWORD } from '../../src/fixtures/demo-organisations.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import { generatedWorkbook } from '../support/given-uploads.ts';
import { jcOn } from '../support/run-jc.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { readJson, signInWithPassword, startServerOn } from '../support/server-on-database.ts';
import { testConfig } from '../support/test-app.ts';

const run = promisify(execFile);
const folder = mkdtempSync(path.join(tmpdir(), 'jc-pg-backup-'));
const dumpFile = path.join(folder, 'publisher.dump');
const ADMIN = 'county-admin@demo.justicecounts.test';

let original: ScratchDatabase;
let restored: ScratchDatabase;
let jailId: number;
let workbook: Buffer;

/** The demo data plus one workbook uploaded with `jc import` to the demo jail. */
async function fillWithDemoData(url: string): Promise<void> {
  const opened = await openConfiguredDatabase(testConfig({ databaseUrl: url }), 'test');
  try {
    await loadFixtures(opened.database.db, { now: new Date() });
    const agencies = await opened.database.db.select().from(source);
    jailId = agencies.find((agency) => agency.systems?.includes('JAILS') && !agency.isSuperagency)!.id;
    workbook = await generatedWorkbook('JAILS');
    const file = path.join(folder, 'jail.xlsx');
    writeFileSync(file, workbook);
    const imported = await jcOn(opened.database)(
      'import',
      '--file',
      file,
      '--agency',
      String(jailId),
      '--system',
      'JAILS',
    );
    expect(imported.code, imported.stderr).toBe(0);
  } finally {
    await opened.close();
  }
}

/** Every table's row count and a hash of all its rows, in a stable order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables
       where schemaname in ('public', 'drizzle') order by 1`,
    );
    const prints: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string; hash: string }>(
        `select count(*) as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash from ${name} t`,
      );
      prints[name] = `${rows[0]!.n} rows, ${rows[0]!.hash}`;
    }
    return prints;
  } finally {
    await client.end();
  }
}

/** What a signed-in agency admin reads of the jail: its records, their values and its uploads. */
async function whatTheServerReads(url: string) {
  const server = await startServerOn(url);
  try {
    const headers = await signInWithPassword(server.app, ADMIN, DEMO_PASSWORD);
    const read = (route: string) => readJson(server.app, headers, route);
    return {
      reports: await read(`/api/agencies/${jailId}/reports`),
      datapoints: await read(`/api/agencies/${jailId}/datapoints`),
      spreadsheets: await read(`/api/agencies/${jailId}/spreadsheets`),
    };
  } finally {
    await server.close();
  }
}

beforeAll(async () => {
  original = await createScratchDatabase('backup_original');
  restored = await createScratchDatabase('backup_restored');
  await fillWithDemoData(original.url);
}, 180_000);

afterAll(async () => {
  await original?.drop();
  await restored?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('a pg_dump backup restored into a new database', { timeout: 180_000 }, () => {
  it('has every row of every table, the uploaded workbook included', async () => {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dumpFile}`, `--dbname=${original.url}`]);
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, dumpFile]);

    const before = await fingerprint(original.url);
    expect(before['public.spreadsheet_file']).toMatch(/^1 rows/);
    expect(Number(before['public.datapoint']?.split(' ')[0])).toBeGreaterThan(1000);
    expect(await fingerprint(restored.url)).toEqual(before);

    const client = new pg.Client({ connectionString: restored.url });
    await client.connect();
    const file = await client.query<{ hash: string }>('select md5(content) as hash from spreadsheet_file');
    await client.end();
    expect(file.rows[0]?.hash).toBe(createHash('md5').update(workbook).digest('hex'));
  });

  it('serves the same records and uploads when the server starts on it', async () => {
    const fromOriginal = await whatTheServerReads(original.url);
    expect((fromOriginal.reports as unknown[]).length).toBeGreaterThan(12);
    expect(fromOriginal.spreadsheets).toHaveLength(1);
    expect(await whatTheServerReads(restored.url)).toEqual(fromOriginal);
  });
});

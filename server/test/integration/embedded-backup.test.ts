/**
 * `jc backup` and `jc restore` on a real embedded data folder (DATA_DIR in a temporary folder),
 * run in-process through runCli with the same database opening as the real `jc`. Whatever engine
 * the other tests use, these are about the embedded one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import type { Db } from '../../src/db/database.ts';
import { newestKnownMigrationTime } from '../../src/db/migrate.ts';
import { openConfiguredDatabase } from '../../src/db/open-configured.ts';
import { source, spreadsheetFile } from '../../src/db/schema.ts';
import { systemClock } from '../../src/ports.ts';
import { generatedWorkbook } from '../support/given-uploads.ts';
import { expectRefusal, type JcResult } from '../support/run-jc.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'jc-embedded-backup-'));
const dataDir = path.join(folder, 'data');
const backupFile = path.join(folder, 'publisher.backup');
let workbook: Buffer;

async function jc(...argv: string[]): Promise<JcResult> {
  return jcWith({ DATA_DIR: dataDir }, ...argv);
}

async function jcWith(env: Record<string, string>, ...argv: string[]): Promise<JcResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    { env, clock: systemClock, openDatabase: openConfiguredDatabase },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Opens the embedded database in `folder` (a DATA_DIR), as the server would, for `use`. */
async function withDatabase<T>(folder: string, use: (db: Db) => Promise<T>): Promise<T> {
  const opened = await openConfiguredDatabase(
    { dataDir: folder } as Parameters<typeof openConfiguredDatabase>[0],
    'test',
  );
  try {
    return await use(opened.database.db);
  } finally {
    await opened.close();
  }
}

/** What the data folder holds: its agencies by name and the bytes of every uploaded file. */
function contents(): Promise<{ agencies: string[]; files: string[] }> {
  return withDatabase(dataDir, async (db) => {
    const agencies = await db.select({ name: source.name }).from(source);
    const files = await db.select({ content: spreadsheetFile.content }).from(spreadsheetFile);
    return {
      agencies: agencies.map((a) => a.name).sort(),
      files: files.map((f) => Buffer.from(f.content).toString('base64')),
    };
  });
}

beforeAll(async () => {
  const created = await jc('create-agency', '--name', 'Backup County Jail', '--state', 'us_ca', '--systems', 'JAILS');
  expect(created.code, created.stderr).toBe(0);
  workbook = await generatedWorkbook('JAILS');
  const workbookFile = path.join(folder, 'jails.xlsx');
  writeFileSync(workbookFile, workbook);
  const imported = await jc('import', '--file', workbookFile, '--agency', '1');
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('jc backup and jc restore', { timeout: 120_000 }, () => {
  it('round-trip a data folder: records and uploaded files come back, later changes go', async () => {
    const before = await contents();
    expect(before.agencies).toEqual(['Backup County Jail']);
    expect(before.files).toEqual([workbook.toString('base64')]);

    const saved = await jc('backup', '--out', backupFile);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(backupFile);

    expect(
      (await jc('create-agency', '--name', 'Made After The Backup', '--state', 'us_ca', '--systems', 'JAILS')).code,
    ).toBe(0);
    const restored = await jc('restore', '--file', backupFile);
    expect(restored.code, restored.stderr).toBe(0);
    const kept = restored.stdout.match(/kept in (\S+)\.$/)?.[1];
    expect(kept, 'names where the replaced database went').toBeDefined();
    expect(readdirSync(dataDir)).toContain(path.basename(kept!));
    expect(await contents()).toEqual(before);
  });

  it('refuses a missing file, a file that is not a backup, and a data folder in use, changing nothing', async () => {
    const before = await contents();
    const listing = readdirSync(dataDir).sort();
    const text = path.join(folder, 'notes.txt');
    writeFileSync(text, 'not a database');
    const otherGzip = path.join(folder, 'notes.txt.gz');
    writeFileSync(otherGzip, gzipSync('not a database either'));

    expectRefusal(
      await jc('restore', '--file', path.join(folder, 'missing.backup')),
      2,
      'missing.backup does not exist',
    );
    expectRefusal(await jc('restore', '--file', text), 2, 'notes.txt is not a backup made by jc backup');
    expectRefusal(await jc('restore', '--file', otherGzip), 2, 'notes.txt.gz is not a backup made by jc backup');
    expectRefusal(await jc('restore'), 2, 'missing --file');

    const holder = await holdDataDir();
    try {
      expectRefusal(await jc('restore', '--file', backupFile), 1, `is in use by the server (process ${holder.pid})`);
      expectRefusal(
        await jc('backup', '--out', path.join(folder, 'while-in-use.backup')),
        1,
        'is in use by the server',
      );
    } finally {
      holder.kill('SIGKILL');
      rmSync(path.join(dataDir, 'in-use.lock'));
    }
    expect(readdirSync(dataDir).sort()).toEqual(listing);
    expect(readdirSync(folder)).not.toContain('while-in-use.backup');
    expect(await contents()).toEqual(before);
  });

  it('refuses a backup made by a newer release, changing nothing', async () => {
    const before = await contents();
    const listing = readdirSync(dataDir).sort();
    // A newer release's database: one more migration applied than this code has.
    const newerDataDir = path.join(folder, 'newer-release');
    const made = await jcWith(
      { DATA_DIR: newerDataDir },
      'create-agency',
      '--name',
      'Newer',
      '--state',
      'us_ca',
      '--systems',
      'JAILS',
    );
    expect(made.code, made.stderr).toBe(0);
    await withDatabase(newerDataDir, (db) =>
      db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('a later migration', ${newestKnownMigrationTime() + 1})`,
      ),
    );
    const newerBackup = path.join(folder, 'newer-release.backup');
    expect((await jcWith({ DATA_DIR: newerDataDir }, 'backup', '--out', newerBackup)).code).toBe(0);

    expectRefusal(
      await jc('restore', '--file', newerBackup),
      2,
      'newer-release.backup was made by a newer release of the Publisher (its database has 1 migration this release does not know)',
    );
    expect(readdirSync(dataDir).sort()).toEqual(listing);
    expect(await contents()).toEqual(before);
  });

  it('refuses to overwrite a file, an empty data folder, and a PostgreSQL configuration', async () => {
    const backup = readFileSync(backupFile);
    expectRefusal(await jc('backup', '--out', backupFile), 2, 'already exists; name a new file');
    expect(readFileSync(backupFile).equals(backup)).toBe(true);
    expectRefusal(await jc('backup', '--out', path.join(folder, 'nowhere', 'x.backup')), 2, 'does not exist');
    const empty = path.join(folder, 'empty');
    expectRefusal(
      await jcWith({ DATA_DIR: empty }, 'backup', '--out', path.join(folder, 'empty.backup')),
      2,
      'there is no embedded database',
    );
    expectRefusal(
      await jcWith(
        { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        'backup',
        '--out',
        path.join(folder, 'pg.backup'),
      ),
      2,
      'use pg_dump and pg_restore',
    );
    expect(readdirSync(folder)).not.toContain('pg.backup');
  });
});

/** A live process that holds the data folder's lock, as a running server does. */
async function holdDataDir(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  writeFileSync(path.join(dataDir, 'in-use.lock'), JSON.stringify({ pid: child.pid, role: 'server' }));
  return child;
}

/**
 * An upgrade from the previous release, as a rolling deploy does it. The previous release (see
 * previous-release.ts for which commit: there are no release tags yet) is checked out from git into
 * a temporary folder and run from its sources; its `jc load-fixtures` applies its migrations and
 * loads its demo data into a fresh PostgreSQL database. Then this release's server starts on that
 * database, applies the newer migrations and serves the same records; and the previous release's
 * server still starts on the upgraded database and serves them too, which is what the migration
 * policy (docs/deploy.md: expand, deploy, contract) promises for old instances during a deploy
 * and for a rollback. A migration that broke the policy has its rollback step in deploy/rollback/,
 * which this test runs after checking that the old server needs it. Running old sources costs seconds of TypeScript compiling, far less than
 * building an old artifact; a checked-in dump would go stale without anyone noticing.
 * Needs PostgreSQL even on the embedded run (scratch-postgres.ts) and the checkout's git history.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../build/release.ts';
import { migrationsFolder } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/fixtures/demo-organisations.ts';
import {
  checkOutPreviousRelease,
  fromSources,
  type PreviousRelease,
  previousJc,
  sqlFilesIn,
} from '../support/previous-release.ts';
import { cookieHeaderFrom, passwordSignIn, startRelease } from '../support/run-release.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { readJson, signInWithPassword, startServerOn } from '../support/server-on-database.ts';

const ADMIN = 'county-admin@demo.justicecounts.test';
const SESSION_SECRET = 'an upgrade test secret of at least thirty-two characters';

let previous: PreviousRelease;
let database: ScratchDatabase;
/** The demo jail's records as the previous release wrote them: id and status, by id. */
let recordsBefore: string[];
let jailId: number;

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const appliedMigrations = async () =>
  Number((await query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations'))[0]!.n);

const describeRecords = (records: { id: number; status: string }[]) =>
  records.map((record) => `${record.id} ${record.status}`).sort();

/**
 * The operator's step before rolling back past the newest migration, when that migration broke
 * the policy (deploy/rollback/<migration>.sql); the test proves it is needed and that it works.
 */
/**
 * deploy/rollback/ steps of the migrations the previous release does not have, newest first, as an
 * operator rolling back runs them (docs/deploy.md).
 */
function rollbackSteps(): string[] {
  const newer = sqlFilesIn(migrationsFolder).sort().slice(previous.migrations).reverse();
  return newer.map((name) => path.join(repoRoot, 'deploy', 'rollback', name)).filter((step) => existsSync(step));
}

beforeAll(async () => {
  previous = checkOutPreviousRelease();
  database = await createScratchDatabase('upgrade');
  await previousJc(previous, { DATABASE_URL: database.url }, 'load-fixtures');
  const [jail] = await query<{ id: number }>(
    `select id from source where 'JAILS' = any(systems) and not coalesce(is_superagency, false) order by id limit 1`,
  );
  jailId = jail!.id;
  recordsBefore = describeRecords(await query(`select id, status from report where source_id = ${jailId}`));
}, 180_000);

afterAll(async () => {
  await database?.drop();
  if (previous) rmSync(previous.folder, { recursive: true, force: true });
});

describe('an upgrade from the previous release', { timeout: 180_000 }, () => {
  it("starts this release's server, which applies its newer migrations and serves the same records", async () => {
    const current = sqlFilesIn(migrationsFolder).length;
    expect(previous.migrations, `the previous release (${previous.commit}) has fewer migrations`).toBeLessThan(current);
    expect(await appliedMigrations()).toBe(previous.migrations);

    const server = await startServerOn(database.url);
    try {
      expect(await appliedMigrations()).toBe(current);
      const headers = await signInWithPassword(server.app, ADMIN, DEMO_PASSWORD);
      const records = await readJson(server.app, headers, `/api/agencies/${jailId}/reports`);
      expect(describeRecords(records as { id: number; status: string }[])).toEqual(recordsBefore);
      expect(recordsBefore.length).toBeGreaterThan(12);
    } finally {
      await server.close();
    }
  });

  it("serves the same records from the previous release's server on the upgraded database (a rollback)", async () => {
    const old = await startRelease(
      previous.folder,
      { DATABASE_URL: database.url, SESSION_SECRET },
      fromSources('server/src/main.ts'),
    );
    try {
      for (const step of rollbackSteps()) await query(readFileSync(step, 'utf8'));
      const login = await passwordSignIn(old.url, ADMIN, DEMO_PASSWORD);
      expect(login.status, old.output()).toBe(200);
      const cookie = cookieHeaderFrom(login);
      const records = await fetch(`${old.url}/api/agencies/${jailId}/reports`, { headers: { cookie } });
      expect(records.status).toBe(200);
      expect(describeRecords((await records.json()) as { id: number; status: string }[])).toEqual(recordsBefore);
    } finally {
      await old.stop('SIGTERM');
    }
  });
});

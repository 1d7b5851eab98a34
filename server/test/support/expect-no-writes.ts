/**
 * Proves a refused request wrote nothing: every table's row count and a digest of its rows before
 * and after. The tables a refusal may still write are left out: the caller's session (its last
 * use), security events (refusals are recorded on purpose) and rate counters (refusals count);
 * so is an API token's last use (table-digest.ts).
 *
 * Other test files write to the shared PostgreSQL database at the same time, so the check needs a
 * database of the test's own, which `createTestApp()` opens unless given one.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { tableDigest, tableNames } from './table-digest.ts';
import { testDatabaseUrl } from './test-database.ts';

const BOOKKEEPING = new Set(['session', 'security_event', 'rate_counter']);

/** The tables a refused request must leave as they were. */
export async function watchedTables(db: Db): Promise<string[]> {
  return (await tableNames(db)).filter((table) => !BOOKKEEPING.has(table));
}

async function assertPrivate(db: Db): Promise<void> {
  if (!testDatabaseUrl) return;
  const result = (await db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
  if (result.rows[0]?.name === new URL(testDatabaseUrl).pathname.slice(1)) {
    throw new Error(
      "expectNoWrites needs a database of the test's own: createTestApp() without a database, or openPrivateDatabase()",
    );
  }
}

/** Runs the request and fails naming every watched table it changed; returns its answer. */
export async function expectNoWrites<T>(db: Db, request: () => Promise<T>): Promise<T> {
  await assertPrivate(db);
  const tables = await watchedTables(db);
  const before = await tableDigest(db, tables);
  const answer = await request();
  const after = await tableDigest(db, tables);
  expect(
    tables.filter((table) => after[table] !== before[table]),
    'tables the refused request changed',
  ).toEqual([]);
  return answer;
}

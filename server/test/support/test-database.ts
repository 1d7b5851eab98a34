/**
 * The database integration tests run on: the PostgreSQL named by TEST_DATABASE_URL, or a fresh
 * in-memory embedded engine per test file, copied from the migrated template the global setup
 * made. Either way it is migrated like production.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

function embeddedTemplate(): Blob | undefined {
  const file = inject('pgliteTemplate');
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** `dataDir`: keep the embedded engine's files there, for a server process to open after the test closes it. */
export async function openTestDatabase(dataDir?: string): Promise<Database> {
  const template = testDatabaseUrl ? undefined : embeddedTemplate();
  const database = await openDatabase({ url: testDatabaseUrl, poolSize: 5, template, dataDir });
  await migrateDatabase(database);
  return database;
}

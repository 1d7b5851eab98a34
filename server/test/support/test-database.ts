/**
 * The database integration tests run on: the PostgreSQL named by TEST_DATABASE_URL, or a fresh
 * in-memory embedded engine per test file. Either way it is migrated like production.
 */
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({ url: testDatabaseUrl, poolSize: 5 });
  await migrateDatabase(database);
  return database;
}

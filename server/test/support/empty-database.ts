/**
 * Databases of a test's own on the engine under test, dropped when closed: an empty one (for the
 * migration tests), or a migrated one for tests that must not share, such as loading the demo
 * fixtures (it wipes every agency and user) or proving that a refused request wrote nothing.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { openTestDatabase, testDatabaseUrl } from './test-database.ts';

/** A brand-new database with no tables at all. */
export async function openEmptyDatabase(): Promise<Database> {
  if (!testDatabaseUrl) return openDatabase({});
  const admin = await openDatabase({ url: testDatabaseUrl, poolSize: 1 });
  const name = `jc_private_${process.pid}_${Date.now()}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.db.execute(sql.raw(`drop database ${name}`));
      await admin.close();
    },
  };
}

export async function openPrivateDatabase(): Promise<Database> {
  // Each test file already gets an embedded database of its own, copied from the migrated template.
  if (!testDatabaseUrl) return openTestDatabase();
  const database = await openEmptyDatabase();
  await migrateDatabase(database);
  return database;
}

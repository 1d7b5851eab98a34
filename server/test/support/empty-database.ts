/**
 * A brand-new, migrated database of its own on the engine under test, for tests that must not
 * share: loading the demo fixtures wipes every agency and user. Dropped when closed.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { openTestDatabase, testDatabaseUrl } from './test-database.ts';

export async function openPrivateDatabase(): Promise<Database> {
  // Each test file already gets an embedded database of its own.
  if (!testDatabaseUrl) return openTestDatabase();
  const admin = await openDatabase({ url: testDatabaseUrl, poolSize: 1 });
  const name = `jc_private_${process.pid}_${Date.now()}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.db.execute(sql.raw(`drop database ${name}`));
      await admin.close();
    },
  };
}

/**
 * Both engines must end up with the same schema. Each run migrates an empty database on the
 * engine under test and compares it with the committed snapshot, so running the suite on
 * PostgreSQL and on the embedded engine (as CI does) proves the two identical.
 * After changing the schema on purpose: UPDATE_SCHEMA_SNAPSHOT=1 npm run test:integration.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { describeSchema } from '../support/describe-schema.ts';
import { openEmptyDatabase } from '../support/empty-database.ts';

const snapshotFile = new URL('../schema-snapshot.json', import.meta.url);

/** A brand-new empty database on the engine under test, dropped afterwards. */
async function withEmptyDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openEmptyDatabase();
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

// Migrating a new embedded database from nothing takes seconds of CPU; a loaded machine needs more.
const FROM_NOTHING = 120_000;

describe('migrations', () => {
  it(
    'build the committed schema from an empty database, and applying them again changes nothing',
    async () => {
      await withEmptyDatabase(async (database) => {
        await migrateDatabase(database);
        const schema = await describeSchema(database);
        await migrateDatabase(database);
        expect(await describeSchema(database)).toEqual(schema);
        if (process.env.UPDATE_SCHEMA_SNAPSHOT) writeFileSync(snapshotFile, `${JSON.stringify(schema, null, 1)}\n`);
        expect(schema).toEqual(JSON.parse(readFileSync(snapshotFile, 'utf8')));
      });
    },
    FROM_NOTHING,
  );

  it('keep the classic datapoint query working', async () => {
    await withEmptyDatabase(async (database) => {
      await migrateDatabase(database);
      const rows = await queryRows(
        database.db,
        sql`select * from datapoint join (select * from report where source_id = 1) as reports on datapoint.report_id = reports.id`,
      );
      expect(rows).toEqual([]);
    });
  });
});

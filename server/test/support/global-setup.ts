/**
 * Runs once before the integration tests. On the embedded engine, creating and migrating a
 * database costs seconds, so it is done once here and every test file starts from a copy.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const database = await openDatabase({});
  await migrateDatabase(database);
  if (database.driver.engine !== 'embedded') throw new Error('expected the embedded engine');
  const dump = await database.driver.client.dumpDataDir('none');
  await database.close();
  const file = path.join(tmpdir(), `jc-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
}

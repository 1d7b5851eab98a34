/** Opens the database the configuration names, locked and migrated, for the server and the CLI. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { createFromTemplate } from './embedded-template.ts';
import { migrateDatabase } from './migrate.ts';

export interface OpenedDatabase {
  database: Database;
  /** True when the embedded engine started from an empty folder (so demo data is wanted). */
  isNewEmbedded: boolean;
  close(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config, role: string): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl });
    await migrateDatabase(database);
    return { database, isNewEmbedded: false, close: () => database.close() };
  }
  const release = lockDataDir(config.dataDir, role);
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const isNewEmbedded = !existsSync(path.join(pgliteDir, 'PG_VERSION'));
  try {
    if (isNewEmbedded) await startFromTemplate(pgliteDir);
    // Migrations still run: they are a no-op on a fresh copy and bring an older folder up to date.
    const database = await openDatabase({ dataDir: pgliteDir });
    await migrateDatabase(database);
    return {
      database,
      isNewEmbedded,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Copies the migrated template in; without one (say, a read-only cache) PGlite creates the folder. */
async function startFromTemplate(pgliteDir: string): Promise<void> {
  try {
    await createFromTemplate(pgliteDir);
  } catch (error) {
    console.warn(`Creating the database without a template: ${(error as Error).message}`);
  }
}

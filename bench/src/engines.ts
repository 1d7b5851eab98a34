/**
 * Scratch databases for a benchmark: a database `jc_bench_<pid>_<n>` created on the PostgreSQL
 * server of DATABASE_URL (or 127.0.0.1:5432 as postgres) and dropped afterwards, or an embedded
 * engine in a temporary data folder that is deleted afterwards. Both are migrated like production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../../server/src/db/database.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Scratch {
  engine: Engine;
  /** Environment that points a server process at this database. */
  serverEnv: Record<string, string>;
  /** Opens the database (migrated); the embedded one must be closed before a server opens it. */
  open(): Promise<Database>;
  /** Drops or deletes it. */
  remove(): Promise<void>;
}

let counter = 0;

function serverUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl(), 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function postgresScratch(): Promise<Scratch> {
  const name = `jc_bench_${process.pid}_${++counter}`;
  await adminQuery(`drop database if exists ${name}`);
  await adminQuery(`create database ${name}`);
  const url = withDatabaseName(serverUrl(), name);
  return {
    engine: 'postgres',
    serverEnv: { DATABASE_URL: url },
    open: async () => {
      const database = await openDatabase({ url, poolSize: 4 });
      await migrateDatabase(database);
      return database;
    },
    remove: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function embeddedScratch(): Promise<Scratch> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jc-bench-'));
  return {
    engine: 'embedded',
    serverEnv: { DATA_DIR: dataDir },
    open: async () => {
      // The same sub-folder the server uses (server/src/db/open-configured.ts).
      const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
      await migrateDatabase(database);
      return database;
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export function createScratch(engine: Engine): Promise<Scratch> {
  return engine === 'postgres' ? postgresScratch() : embeddedScratch();
}

/** Runs `use` on a new scratch database and removes it whatever happens. */
export async function withScratch<T>(engine: Engine, use: (scratch: Scratch) => Promise<T>): Promise<T> {
  const scratch = await createScratch(engine);
  try {
    return await use(scratch);
  } finally {
    await scratch.remove();
  }
}

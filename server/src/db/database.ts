/**
 * One code path over two engines: PostgreSQL through node-postgres when a URL is given,
 * otherwise PGlite (embedded PostgreSQL) in a data folder or in memory.
 */
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: the first parameter of every query and use case. */
export type Executor = Db | Tx;

export type Engine = 'postgres' | 'embedded';

export interface Database {
  db: Db;
  engine: Engine;
  /** The driver underneath, for the few things Drizzle does not cover (migrations, COPY). */
  driver: { engine: 'postgres'; pool: pg.Pool } | { engine: 'embedded'; client: PGlite };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded engine is used. */
  url?: string | undefined;
  /** Folder for the embedded engine; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** An embedded database dumped earlier (PGlite dumpDataDir) to start from instead of an empty one. */
  template?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection that breaks (a database restart, a fail-over) is only dropped: the pool
    // opens a new one when needed. Without a listener the error would end the process.
    pool.on('error', (error) => console.warn(`A PostgreSQL connection was lost: ${error.message}`));
    await pool.query('select 1');
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      engine: 'postgres',
      driver: { engine: 'postgres', pool },
      close: () => pool.end(),
    };
  }
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.template });
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    engine: 'embedded',
    driver: { engine: 'embedded', client },
    close: () => client.close(),
  };
}

/**
 * Fresh, empty PostgreSQL databases for tests that need a whole database of their own (the
 * release smoke test, backups, upgrades), created on the server TEST_DATABASE_URL names, or else
 * on the machine's PostgreSQL (127.0.0.1:5432, user postgres, as on the project's machines and
 * CI). These tests need PostgreSQL even when the others run on the embedded engine: a release runs
 * on PostgreSQL in production, and pg_dump is PostgreSQL's own tool.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

function serverUrl(): string {
  return process.env.TEST_DATABASE_URL || MACHINE_POSTGRES;
}

async function onServer<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `This test needs PostgreSQL: set TEST_DATABASE_URL, or run one on 127.0.0.1:5432 (${(error as Error).message}).`,
    );
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(purpose: string): Promise<ScratchDatabase> {
  const name = `jc_${purpose}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * A second Drizzle handle on a test database that records the SQL it sends, so a test can check
 * the generated queries in as files and a reviewer sees when a change rewrites them.
 */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Database, Db } from '../../src/db/database.ts';
import * as schema from '../../src/db/schema.ts';

export interface QueryLog {
  db: Db;
  /** The statements sent since the last `take()`, in order. */
  take(): string[];
}

export function queryLog(database: Database): QueryLog {
  let statements: string[] = [];
  const logger = { logQuery: (query: string) => statements.push(query) };
  const { driver } = database;
  const db =
    driver.engine === 'postgres'
      ? (drizzlePg(driver.pool, { schema, logger }) as unknown as Db)
      : (drizzlePglite(driver.client, { schema, logger }) as unknown as Db);
  return {
    db,
    take: () => {
      const taken = statements;
      statements = [];
      return taken;
    },
  };
}

/** The statements as one file: each on its own, transaction control left out, ending with a newline. */
export function sqlFile(statements: readonly string[]): string {
  const kept = statements.filter((s) => !/^(begin|commit|rollback)\b/i.test(s.trim()));
  return `${kept.map((s) => `${s.trim()};`).join('\n\n')}\n`;
}

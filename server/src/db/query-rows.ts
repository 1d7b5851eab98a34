import type { SQL } from 'drizzle-orm';
import type { Executor } from './database.ts';

/** Runs raw SQL and returns its rows; both drivers answer with an object holding `rows`. */
export async function queryRows<Row extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as { rows: Row[] };
  return result.rows;
}

/**
 * Prepared statements for the queries every request runs: built once per database handle (or open
 * transaction), so Drizzle does not rebuild the SQL each time and PostgreSQL plans it once per
 * connection.
 */
import type { Executor } from './database.ts';

export function preparedPerExecutor<Query>(build: (db: Executor) => Query): (db: Executor) => Query {
  const built = new WeakMap<Executor, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}

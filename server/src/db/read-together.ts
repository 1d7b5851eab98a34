/**
 * Independent reads, at once where that is safe: on the pool each read takes a connection of its
 * own; a transaction has one connection, which must not be sent a query before the previous one
 * has answered (pg warns "already executing a query", and pg 9 refuses), so there they run in turn.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

export async function readTogether<T extends readonly unknown[] | []>(
  db: Executor,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const all: (() => Promise<unknown>)[] = [...reads];
  if (!(db instanceof PgTransaction)) return (await Promise.all(all.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of all) results.push(await read());
  return results as T;
}

/**
 * Positions in PostgreSQL's write-ahead log, for reading from a streaming replica without reading
 * older data than one's own last write (http/read-replica.ts).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { queryRows } from '../query-rows.ts';

/** Where the primary's log ends now: every transaction committed so far is before it. */
export async function currentWalPosition(primary: Executor): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(primary, sql`select pg_current_wal_lsn()::text as lsn`);
  return row!.lsn;
}

/** True when the replica has replayed the log up to `lsn`; false on a server that is not a replica. */
export async function hasReplayed(replica: Executor, lsn: string): Promise<boolean> {
  const [row] = await queryRows<{ done: boolean | null }>(
    replica,
    sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`,
  );
  return row?.done === true;
}

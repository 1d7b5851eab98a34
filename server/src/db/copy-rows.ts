/**
 * COPY of CSV rows into a table, on either engine and inside the caller's transaction: PostgreSQL
 * takes them as COPY FROM STDIN (pg-copy-streams on the transaction's own connection), the embedded
 * engine as COPY FROM '/dev/blob', a few megabytes per statement, since PGlite reads a blob whole.
 * Drizzle does not expose COPY, so this reaches for the driver under the transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';
import { giveWay } from '../lib/give-way.ts';

export type CsvCell = string | number | boolean | null;

/** A CSV cell as COPY reads it: empty for NULL, quoted when it holds a separator, a quote or nothing. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** Groups lines into chunks of about `bytes` characters, so each write is large but bounded. */
export function* chunksOf(lines: Iterable<string>, bytes: number): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= bytes) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

const STREAM_CHUNK_BYTES = 1024 * 1024;
/** The embedded engine holds each blob whole while it copies: small enough to stay cheap, big enough to be few. */
const BLOB_CHUNK_BYTES = 8 * 1024 * 1024;

/** The connection (node-postgres) or transaction (PGlite) a Drizzle transaction runs on. */
function driverOf(executor: Executor): pg.ClientBase | PgliteTransaction {
  // Drizzle keeps it in the session's private `client` field on both drivers.
  return (executor as unknown as { session: { client: pg.ClientBase | PgliteTransaction } }).session.client;
}

/**
 * COPYs `lines` (CSV, each ending in a newline) into `table (columns)` within `tx`. `onChunk` is
 * awaited after each chunk is handed over, with the number of lines so far.
 */
export async function copyCsvLines(
  tx: Executor,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
  onChunk?: (linesSoFar: number) => Promise<void> | void,
): Promise<void> {
  let count = 0;
  const counted = (function* () {
    for (const line of lines) {
      count += 1;
      yield line;
    }
  })();
  const statement = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
  const client = driverOf(tx);
  if (client instanceof pg.Client) {
    const chunks = async function* () {
      for (const chunk of chunksOf(counted, STREAM_CHUNK_BYTES)) {
        yield chunk;
        // The socket takes chunks as fast as they come: without a turn, other requests wait for the whole COPY.
        await giveWay();
        await onChunk?.(count);
      }
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom(statement)));
    return;
  }
  const fromBlob = statement.replace('from stdin', "from '/dev/blob'");
  for (const chunk of chunksOf(counted, BLOB_CHUNK_BYTES)) {
    await (client as PgliteTransaction).query(fromBlob, [], { blob: new Blob([chunk]) });
    await onChunk?.(count);
  }
}

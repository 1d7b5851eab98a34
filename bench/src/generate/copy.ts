/**
 * Bulk loading with COPY on either engine: rows become CSV text and go to PostgreSQL through
 * COPY FROM STDIN (pg-copy-streams), or to the embedded engine through COPY FROM '/dev/blob' in
 * chunks, so a data set of millions of rows never passes through the query builder.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../server/src/db/database.ts';
import { chunksOf, csvLine, type CsvCell } from '../../../server/src/db/copy-rows.ts';

export { csvLine, type CsvCell };

/** Rows per COPY statement on the embedded engine: its COPY reads the whole blob into memory. */
const EMBEDDED_CHUNK_BYTES = 32 * 1024 * 1024;

/** COPYs the rows into `table (columns)`; returns the number of rows written. */
export function copyRows(
  database: Database,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
): Promise<number> {
  return copyLines(
    database,
    table,
    columns,
    (function* () {
      for (const row of rows) yield csvLine(row);
    })(),
  );
}

/** COPYs lines already in CSV form (each ending in a newline); returns the number of lines. */
export async function copyLines(
  database: Database,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  let count = 0;
  const counted = (function* () {
    for (const line of lines) {
      count++;
      yield line;
    }
  })();
  const statement = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
  const { driver } = database;
  if (driver.engine === 'postgres') {
    const client = await driver.pool.connect();
    try {
      await pipeline(Readable.from(chunksOf(counted, 1024 * 1024)), client.query(copyFrom(statement)));
    } finally {
      client.release();
    }
  } else {
    const fromBlob = statement.replace('from stdin', "from '/dev/blob'");
    for (const chunk of chunksOf(counted, EMBEDDED_CHUNK_BYTES)) {
      await driver.client.query(fromBlob, [], { blob: new Blob([chunk]) });
    }
  }
  return count;
}

/**
 * A fingerprint of every table's rows (count and a digest of the contents), to prove a refused
 * request wrote nothing. Meant for a database of the test's own (openPrivateDatabase), where no
 * other test file writes at the same time.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';

type Rows<T> = { rows: T[] };

export async function tableNames(db: Db): Promise<string[]> {
  const result = (await db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )) as unknown as Rows<{ tablename: string }>;
  return result.rows.map((row) => row.tablename);
}

/** Columns left out of a table's digest: an API token's last use, which a refused request by it still records. */
const LAST_USE_COLUMNS: Record<string, string> = { api_token: 'last_used_at' };

function rowText(table: string): string {
  const column = LAST_USE_COLUMNS[table];
  return column ? `(to_jsonb(t) - '${column}')::text` : 't::text';
}

/** `{table: "count:md5"}` for the named tables. */
export async function tableDigest(db: Db, tables: readonly string[]): Promise<Record<string, string>> {
  const query = tables
    .map((table) => {
      const row = rowText(table);
      return `select '${table}' as name, count(*)::int || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest from "${table}" t`;
    })
    .join(' union all ');
  const result = (await db.execute(sql.raw(query))) as unknown as Rows<{ name: string; digest: string }>;
  return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
}

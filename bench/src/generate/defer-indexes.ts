/**
 * The way pg_restore loads big tables: drop a table's foreign keys, unique constraints and
 * secondary indexes, COPY, then build them again in one pass each, which is several times faster
 * than maintaining them row by row. The definitions are read from the catalog, so indexes added by
 * later migrations come back too.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../server/src/db/database.ts';
import { queryRows } from '../../../server/src/db/query-rows.ts';

interface Definition {
  name: string;
  definition: string;
}

async function constraintsOf(database: Database, table: string): Promise<Definition[]> {
  return queryRows<{ name: string; definition: string }>(
    database.db,
    sql`select conname as name, pg_get_constraintdef(oid) as definition
        from pg_constraint where conrelid = ${table}::regclass and contype in ('f', 'u') order by contype, conname`,
  );
}

async function plainIndexesOf(database: Database, table: string): Promise<Definition[]> {
  return queryRows<{ name: string; definition: string }>(
    database.db,
    sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        where i.indrelid = ${table}::regclass and not i.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
}

export async function withIndexesDeferred<T>(database: Database, table: string, load: () => Promise<T>): Promise<T> {
  const constraints = await constraintsOf(database, table);
  const indexes = await plainIndexesOf(database, table);
  for (const c of constraints) await database.db.execute(sql.raw(`alter table ${table} drop constraint "${c.name}"`));
  for (const i of indexes) await database.db.execute(sql.raw(`drop index ${i.name}`));
  const result = await load();
  for (const i of indexes) await database.db.execute(sql.raw(i.definition));
  // Unique constraints before foreign keys, in the order they were read.
  for (const c of [...constraints].reverse()) {
    await database.db.execute(sql.raw(`alter table ${table} add constraint "${c.name}" ${c.definition}`));
  }
  return result;
}

/** A plain, engine-neutral description of the public schema, for comparing two databases. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.ts';
import { queryRows } from '../../src/db/query-rows.ts';

async function rows(database: Database, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await queryRows(database.db, query)).map((row) => Object.values(row).map(String).join(' | '));
}

export async function describeSchema(database: Database): Promise<Record<string, string[]>> {
  return {
    columns: await rows(
      database,
      sql`select table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
          from information_schema.columns where table_schema = 'public' order by table_name, column_name`,
    ),
    constraints: await rows(
      database,
      sql`select conrelid::regclass::text, conname, pg_get_constraintdef(oid)
          from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n' order by 1, 2`,
    ),
    indexes: await rows(
      database,
      sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`,
    ),
    enums: await rows(
      database,
      sql`select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder)
          from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by 1`,
    ),
  };
}

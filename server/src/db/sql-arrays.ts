/**
 * Columns of a batch sent as PostgreSQL array parameters, to be read back with `unnest(...)`: one
 * text parameter per column, which both drivers pass through unchanged and the server parses much
 * faster than one big JSON document of rows.
 */
import { sql, type SQL } from 'drizzle-orm';

/** An array element in the array literal syntax: quoted, with `"` and `\` escaped; NULL unquoted. */
function element(value: string | null): string {
  return value === null ? 'NULL' : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

export const intArray = (values: readonly number[]): SQL => sql`${`{${values.join(',')}}`}::int[]`;

export const textArray = (values: readonly (string | null)[]): SQL =>
  sql`${`{${values.map(element).join(',')}}`}::text[]`;

/** JSON values travel as text and are cast once unnested (a jsonb[] literal would need double escaping). */
export const jsonTextArray = (values: readonly (object | null)[]): SQL =>
  textArray(values.map((value) => (value === null ? null : JSON.stringify(value))));

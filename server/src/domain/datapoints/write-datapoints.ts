/**
 * The one writer of `datapoint` and `datapoint_history`. Set-based whatever the batch size: it locks
 * the records, reads the current values of the batch in one query, inserts the new datapoints in
 * one INSERT … ON CONFLICT on the unique key, updates the changed ones by id in one UPDATE, and
 * appends one history row per changed value in one INSERT. Unchanged values write nothing.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { queryRows } from '../../db/query-rows.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { checkDatapointChanges, datapointKey, type DatapointChange } from './datapoint-change.ts';
import { normalizeSubDimension, sameStoredValue, storedValue, type UploadMethod } from './datapoint-rules.ts';

export interface WriteDatapointsInput {
  method: UploadMethod;
  /** Any number of changes, to any records; a later change to the same datapoint wins. */
  changes: readonly DatapointChange[];
  now: Date;
}

/** A datapoint that was inserted or whose value changed. */
export interface WrittenDatapoint {
  datapointId: number;
  change: DatapointChange;
  /** The value before, as stored; null for a new datapoint (and for a cleared one). */
  oldValue: string | null;
  newValue: string | null;
  inserted: boolean;
}

export interface WriteDatapointsResult {
  written: WrittenDatapoint[];
  unchanged: number;
}

/** One change to make, with its datapoint's identity and, once read, its current row. */
interface Planned {
  key: string;
  change: DatapointChange;
  newValue: string | null;
  before?: { id: number; value: string | null; method: string | null };
}

/** One row of the JSON the SQL reads with jsonb_to_recordset (absent keys are SQL NULL). */
interface KeyRow {
  ord: number;
  report_id: number;
  metric_key: string;
  dim?: Record<string, string>;
  sub_name?: string;
  context_key?: string;
  value?: string;
}

const KEY_COLUMNS = sql.raw('ord int, report_id int, metric_key text, dim jsonb, sub_name text, context_key text');

function keyRow({ change, newValue }: Planned, ord: number): KeyRow {
  const row: KeyRow = { ord, report_id: change.reportId, metric_key: change.metricKey };
  if (change.dimension) row.dim = { [change.dimension.identifier]: change.dimension.member };
  if (change.subDimensionName) row.sub_name = change.subDimensionName;
  if (change.contextKey) row.context_key = change.contextKey;
  if (newValue !== null) row.value = newValue;
  return row;
}

/** Normalizes labels and keeps the last change per datapoint. */
function plan(changes: readonly DatapointChange[]): Planned[] {
  const byKey = new Map<string, Planned>();
  for (const raw of changes) {
    const sub = raw.subDimensionName ? normalizeSubDimension(raw.subDimensionName) : null;
    const change = {
      ...raw,
      dimension: raw.dimension ?? null,
      subDimensionName: sub,
      contextKey: raw.contextKey ?? null,
    };
    const key = datapointKey(change);
    byKey.delete(key);
    byKey.set(key, { key, change, newValue: storedValue(change.value) });
  }
  return [...byKey.values()];
}

const intArray = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/** Locks the records in id order (so concurrent writers cannot deadlock); every one must exist. */
async function lockReports(tx: Tx, reportIds: number[]): Promise<void> {
  const rows = await tx
    .select({ id: report.id })
    .from(report)
    .where(inArray(report.id, reportIds))
    .orderBy(report.id)
    .for('update');
  const found = new Set(rows.map((row) => row.id));
  const missing = reportIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw notFound(`Record ${missing.join(', ')}`);
}

async function readExisting(tx: Tx, planned: Planned[], reportIds: number[]): Promise<void> {
  const rows = await queryRows<{ ord: number; id: number; value: string | null; method: string | null }>(
    tx,
    sql`select k.ord, d.id, d.value, d.upload_method as method
        from jsonb_to_recordset(${JSON.stringify(planned.map(keyRow))}::jsonb) as k(${KEY_COLUMNS})
        join datapoint d on d.report_id = k.report_id and d.metric_definition_key = k.metric_key
          and coalesce(d.dimension_identifier_to_member, 'null'::jsonb) = coalesce(k.dim, 'null'::jsonb)
          and coalesce(d.sub_dimension_name, '') = coalesce(k.sub_name, '')
          and coalesce(d.context_key, '') = coalesce(k.context_key, '')
        where d.report_id = any(${intArray(reportIds)})`,
  );
  for (const row of rows) planned[row.ord]!.before = { id: row.id, value: row.value, method: row.method };
}

interface InsertedRow extends Record<string, unknown> {
  id: number;
  report_id: number;
  metric_key: string;
  dim: Record<string, string> | null;
  sub_name: string | null;
  context_key: string | null;
}

function keyOfInserted(row: InsertedRow): string {
  const [identifier, member] = Object.entries(row.dim ?? {})[0] ?? [];
  return datapointKey({
    reportId: row.report_id,
    metricKey: row.metric_key,
    dimension: identifier !== undefined && member !== undefined ? { identifier, member } : null,
    subDimensionName: row.sub_name,
    contextKey: row.context_key,
    value: null,
  });
}

/** Inserts new datapoints; returns their ids by datapoint key. */
async function insertNew(tx: Tx, planned: Planned[], method: UploadMethod, now: string): Promise<Map<string, number>> {
  const rows = await queryRows<InsertedRow>(
    tx,
    sql`insert into datapoint (report_id, source_id, is_report_datapoint, metric_definition_key, start_date, end_date,
          dimension_identifier_to_member, sub_dimension_name, context_key, value, upload_method, created_at, last_updated)
        select k.report_id, r.source_id, true, k.metric_key, r.date_range_start, r.date_range_end,
          k.dim, k.sub_name, k.context_key, k.value, ${method}, ${now}::timestamptz, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(planned.map(keyRow))}::jsonb) as k(${KEY_COLUMNS}, value text)
        join report r on r.id = k.report_id
        on conflict on constraint unique_report_datapoint do update
          set value = excluded.value, upload_method = excluded.upload_method, last_updated = excluded.last_updated
        returning id, report_id, metric_definition_key as metric_key, dimension_identifier_to_member as dim,
          sub_dimension_name as sub_name, context_key`,
  );
  return new Map(rows.map((row) => [keyOfInserted(row), row.id]));
}

/** Changes the values of existing datapoints by id; `created_at` stays. */
async function updateChanged(tx: Tx, planned: Planned[], method: UploadMethod, now: string): Promise<void> {
  const rows = planned.map((p) => ({ id: p.before!.id, value: p.newValue }));
  await tx.execute(
    sql`update datapoint d set value = u.value, upload_method = ${method}, last_updated = ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as u(id int, value text)
        where d.id = u.id`,
  );
}

async function appendHistory(tx: Tx, actor: Actor, method: UploadMethod, now: string, planned: Planned[]) {
  const rows = planned.map((p) => ({
    datapoint_id: p.before!.id,
    old_value: p.before!.value,
    new_value: p.newValue,
    old_method: p.before!.method,
  }));
  await tx.execute(
    sql`insert into datapoint_history (datapoint_id, user_account_id, timestamp, old_value, new_value,
          old_upload_method, new_upload_method)
        select h.datapoint_id, ${actor.userId}::int, ${now}::timestamptz, h.old_value, h.new_value, h.old_method, ${method}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as h(datapoint_id int, old_value text, new_value text, old_method text)`,
  );
}

/**
 * Writes values to records inside the caller's transaction, as `actor` (the history's user; null
 * for the system). Throws `invalid_input` listing every bad change, before writing anything.
 */
export async function writeDatapoints(
  tx: Tx,
  actor: Actor,
  input: WriteDatapointsInput,
): Promise<WriteDatapointsResult> {
  checkDatapointChanges(input.changes);
  const planned = plan(input.changes);
  if (planned.length === 0) return { written: [], unchanged: 0 };
  const reportIds = [...new Set(planned.map((p) => p.change.reportId))].sort((a, b) => a - b);
  await lockReports(tx, reportIds);
  await readExisting(tx, planned, reportIds);

  const fresh = planned.filter((p) => !p.before);
  const changed = planned.filter((p) => p.before && !sameStoredValue(p.before.value, p.newValue));
  const now = input.now.toISOString();
  const insertedIds = fresh.length > 0 ? await insertNew(tx, fresh, input.method, now) : new Map<string, number>();
  if (changed.length > 0) {
    await updateChanged(tx, changed, input.method, now);
    await appendHistory(tx, actor, input.method, now, changed);
  }
  const isWritten = new Set([...fresh, ...changed]);
  const written = planned
    .filter((p) => isWritten.has(p))
    .map((p): WrittenDatapoint => ({
      datapointId: p.before?.id ?? insertedIds.get(p.key) ?? 0,
      change: p.change,
      oldValue: p.before?.value ?? null,
      newValue: p.newValue,
      inserted: !p.before,
    }));
  return { written, unchanged: planned.length - written.length };
}

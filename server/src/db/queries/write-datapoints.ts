/**
 * The one writer of `datapoint` and `datapoint_history`. Set-based whatever the batch size: it locks
 * the records, reads the current values of the batch in one query (skipped for records created in
 * the same transaction, which hold none), inserts the new datapoints in one INSERT … ON CONFLICT on
 * the unique key, updates the changed ones by id in one UPDATE, and appends one history row per
 * changed value in one INSERT. Unchanged values write nothing. Batches travel as array parameters
 * read with `unnest` (sql-arrays.ts).
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { queryRows } from '../query-rows.ts';
import { report } from '../schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { notFound } from '../../domain/errors.ts';
import {
  checkDatapointChanges,
  datapointKey,
  type DatapointChange,
} from '../../domain/datapoints/datapoint-change-rules.ts';
import {
  normalizeSubDimension,
  sameStoredValue,
  storedValue,
  type UploadMethod,
} from '../../domain/datapoints/datapoint-rules.ts';
import { intArray, jsonTextArray, textArray } from '../sql-arrays.ts';

export interface WriteDatapointsInput {
  method: UploadMethod;
  /** Any number of changes, to any records; a later change to the same datapoint wins. */
  changes: readonly DatapointChange[];
  now: Date;
  /** Records created earlier in the same transaction: they hold no datapoints, so nothing is read for them. */
  newReportIds?: ReadonlySet<number>;
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

/** Where a change left its datapoint, written or not. */
export interface SavedDatapoint extends WrittenDatapoint {
  /** False when the datapoint already held the value. */
  written: boolean;
}

export interface WriteDatapointsResult {
  written: WrittenDatapoint[];
  unchanged: number;
  /** One per input change, in input order; changes to the same datapoint share the last one's entry. */
  saved: SavedDatapoint[];
}

/** One change to make, with its datapoint's identity and, once read, its current row. */
interface Planned {
  key: string;
  change: DatapointChange;
  newValue: string | null;
  before?: { id: number; value: string | null; method: string | null };
  saved?: SavedDatapoint;
}

/** Normalizes labels and keeps the last change per datapoint; `of[i]` is the plan for `changes[i]`. */
function plan(changes: readonly DatapointChange[]): { planned: Planned[]; of: Planned[] } {
  const byKey = new Map<string, Planned>();
  const keys: string[] = [];
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
    keys.push(key);
  }
  return { planned: [...byKey.values()], of: keys.map((key) => byKey.get(key)!) };
}

/**
 * The identity columns of planned changes (and their new values), as
 * `unnest(...) as k(ord, report_id, metric_key, dim, sub_name, context_key, value)`; `dim` is JSON text.
 */
function keyColumns(planned: readonly Planned[]) {
  return sql`unnest(${intArray(planned.map((_, ord) => ord))}, ${intArray(planned.map((p) => p.change.reportId))},
    ${textArray(planned.map((p) => p.change.metricKey))},
    ${jsonTextArray(planned.map(({ change: { dimension: d } }) => (d ? { [d.identifier]: d.member } : null)))},
    ${textArray(planned.map((p) => p.change.subDimensionName ?? null))},
    ${textArray(planned.map((p) => p.change.contextKey ?? null))}, ${textArray(planned.map((p) => p.newValue))})
    as k(ord, report_id, metric_key, dim, sub_name, context_key, value)`;
}

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

async function readExisting(tx: Tx, planned: Planned[]): Promise<void> {
  if (planned.length === 0) return;
  const reportIds = [...new Set(planned.map((p) => p.change.reportId))];
  const rows = await queryRows<{ ord: number; id: number; value: string | null; method: string | null }>(
    tx,
    sql`select k.ord, d.id, d.value, d.upload_method as method
        from ${keyColumns(planned)}
        join datapoint d on d.report_id = k.report_id and d.metric_definition_key = k.metric_key
          and d.dimension_identifier_to_member is not distinct from k.dim::jsonb
          and d.sub_dimension_name is not distinct from k.sub_name
          and d.context_key is not distinct from k.context_key
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

/**
 * Inserts new datapoints, recording who entered them first and how (the history's first entry);
 * returns their ids by datapoint key.
 */
async function insertNew(
  tx: Tx,
  actor: Actor,
  planned: Planned[],
  method: UploadMethod,
  now: string,
): Promise<Map<string, number>> {
  const rows = await queryRows<InsertedRow>(
    tx,
    sql`insert into datapoint (report_id, source_id, is_report_datapoint, metric_definition_key, start_date, end_date,
          dimension_identifier_to_member, sub_dimension_name, context_key, value, upload_method, created_at, last_updated,
          created_by, created_upload_method)
        select k.report_id, r.source_id, true, k.metric_key, r.date_range_start, r.date_range_end,
          k.dim::jsonb, k.sub_name, k.context_key, k.value, ${method}, ${now}::timestamptz, ${now}::timestamptz,
          ${actor.userId}::int, ${method}
        from ${keyColumns(planned)}
        join report r on r.id = k.report_id
        order by k.ord
        on conflict on constraint unique_report_datapoint do update
          set value = excluded.value, upload_method = excluded.upload_method, last_updated = excluded.last_updated
        returning id, report_id, metric_definition_key as metric_key, dimension_identifier_to_member as dim,
          sub_dimension_name as sub_name, context_key`,
  );
  return new Map(rows.map((row) => [keyOfInserted(row), row.id]));
}

/** Changes the values of existing datapoints by id; `created_at` stays. */
async function updateChanged(tx: Tx, planned: Planned[], method: UploadMethod, now: string): Promise<void> {
  await tx.execute(
    sql`update datapoint d set value = u.value, upload_method = ${method}, last_updated = ${now}::timestamptz
        from unnest(${intArray(planned.map((p) => p.before!.id))}, ${textArray(planned.map((p) => p.newValue))})
          as u(id, value)
        where d.id = u.id`,
  );
}

async function appendHistory(tx: Tx, actor: Actor, method: UploadMethod, now: string, planned: Planned[]) {
  await tx.execute(
    sql`insert into datapoint_history (datapoint_id, user_account_id, timestamp, old_value, new_value,
          old_upload_method, new_upload_method)
        select h.datapoint_id, ${actor.userId}::int, ${now}::timestamptz, h.old_value, h.new_value, h.old_method, ${method}
        from unnest(${intArray(planned.map((p) => p.before!.id))}, ${textArray(planned.map((p) => p.before!.value))},
          ${textArray(planned.map((p) => p.newValue))}, ${textArray(planned.map((p) => p.before!.method))})
          as h(datapoint_id, old_value, new_value, old_method)`,
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
  const { planned, of } = plan(input.changes);
  if (planned.length === 0) return { written: [], unchanged: 0, saved: [] };
  const reportIds = [...new Set(planned.map((p) => p.change.reportId))].sort((a, b) => a - b);
  await lockReports(tx, reportIds);
  const isNew = (p: Planned) => input.newReportIds?.has(p.change.reportId) === true;
  await readExisting(
    tx,
    planned.filter((p) => !isNew(p)),
  );

  const fresh = planned.filter((p) => !p.before);
  const changed = planned.filter((p) => p.before && !sameStoredValue(p.before.value, p.newValue));
  const now = input.now.toISOString();
  const insertedIds =
    fresh.length > 0 ? await insertNew(tx, actor, fresh, input.method, now) : new Map<string, number>();
  if (changed.length > 0) {
    await updateChanged(tx, changed, input.method, now);
    await appendHistory(tx, actor, input.method, now, changed);
  }
  const isWritten = new Set([...fresh, ...changed]);
  for (const p of planned) {
    p.saved = {
      datapointId: p.before?.id ?? insertedIds.get(p.key) ?? 0,
      change: p.change,
      oldValue: p.before?.value ?? null,
      newValue: p.newValue,
      inserted: !p.before,
      written: isWritten.has(p),
    };
  }
  const written = planned.filter((p) => isWritten.has(p)).map((p) => p.saved!);
  return { written, unchanged: planned.length - written.length, saved: of.map((p) => p.saved!) };
}

/**
 * The one writer of `datapoint` and `datapoint_history`. Set-based whatever the batch size: it locks
 * the records, reads the current values, upserts every new or changed value in one statement and
 * appends one history row per changed value in another. Unchanged values write nothing.
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

/** One row of the JSON the SQL reads with jsonb_to_recordset (absent keys are SQL NULL). */
interface KeyRow {
  report_id: number;
  metric_key: string;
  dim?: Record<string, string>;
  sub_name?: string;
  context_key?: string;
  value?: string;
}

interface ExistingRow extends Record<string, unknown> {
  id: number;
  report_id: number;
  metric_definition_key: string;
  dim: Record<string, string> | null;
  sub_name: string | null;
  context_key: string | null;
  value: string | null;
  upload_method: string | null;
}

function normalize(change: DatapointChange): DatapointChange {
  const sub = change.subDimensionName ? normalizeSubDimension(change.subDimensionName) : null;
  return {
    ...change,
    dimension: change.dimension ?? null,
    subDimensionName: sub,
    contextKey: change.contextKey ?? null,
  };
}

function keyRow(change: DatapointChange): KeyRow {
  const row: KeyRow = { report_id: change.reportId, metric_key: change.metricKey };
  if (change.dimension) row.dim = { [change.dimension.identifier]: change.dimension.member };
  if (change.subDimensionName) row.sub_name = change.subDimensionName;
  if (change.contextKey) row.context_key = change.contextKey;
  return row;
}

function keyOfRow(row: Pick<ExistingRow, 'report_id' | 'metric_definition_key' | 'dim' | 'sub_name' | 'context_key'>) {
  const [identifier, member] = Object.entries(row.dim ?? {})[0] ?? [];
  return datapointKey({
    reportId: row.report_id,
    metricKey: row.metric_definition_key,
    dimension: identifier !== undefined && member !== undefined ? { identifier, member } : null,
    subDimensionName: row.sub_name,
    contextKey: row.context_key,
    value: null,
  });
}

const KEY_COLUMNS = sql.raw('report_id int, metric_key text, dim jsonb, sub_name text, context_key text');
const DATAPOINT_COLUMNS = sql.raw(
  'id, report_id, metric_definition_key, dimension_identifier_to_member as dim, sub_dimension_name as sub_name, context_key',
);

/** Locks the records in id order (so concurrent writers cannot deadlock); every one must exist. */
async function lockReports(tx: Tx, reportIds: number[]): Promise<void> {
  const rows = await tx
    .select({ id: report.id })
    .from(report)
    .where(inArray(report.id, reportIds))
    .orderBy(report.id)
    .for('update');
  const missing = reportIds.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length > 0) throw notFound(`Record ${missing.join(', ')}`);
}

async function readExisting(tx: Tx, changes: DatapointChange[]): Promise<Map<string, ExistingRow>> {
  const rows = await queryRows<ExistingRow>(
    tx,
    sql`select d.id, d.report_id, d.metric_definition_key, d.dimension_identifier_to_member as dim,
          d.sub_dimension_name as sub_name, d.context_key, d.value, d.upload_method
        from jsonb_to_recordset(${JSON.stringify(changes.map(keyRow))}::jsonb) as k(${KEY_COLUMNS})
        join datapoint d on d.report_id = k.report_id and d.metric_definition_key = k.metric_key
          and d.dimension_identifier_to_member is not distinct from k.dim
          and d.sub_dimension_name is not distinct from k.sub_name
          and d.context_key is not distinct from k.context_key`,
  );
  return new Map(rows.map((row) => [keyOfRow(row), row]));
}

async function upsert(tx: Tx, changes: DatapointChange[], method: UploadMethod, now: string) {
  const rows = changes.map((change) => {
    const row = keyRow(change);
    const value = storedValue(change.value);
    return value === null ? row : { ...row, value };
  });
  return queryRows<ExistingRow>(
    tx,
    sql`insert into datapoint (report_id, source_id, is_report_datapoint, metric_definition_key, start_date, end_date,
          dimension_identifier_to_member, sub_dimension_name, context_key, value, upload_method, created_at, last_updated)
        select k.report_id, r.source_id, true, k.metric_key, r.date_range_start, r.date_range_end,
          k.dim, k.sub_name, k.context_key, k.value, ${method}, ${now}::timestamptz, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as k(${KEY_COLUMNS}, value text)
        join report r on r.id = k.report_id
        on conflict on constraint unique_report_datapoint do update
          set value = excluded.value, upload_method = excluded.upload_method, last_updated = excluded.last_updated
        returning ${DATAPOINT_COLUMNS}`,
  );
}

interface HistoryRow {
  datapoint_id: number;
  old_value: string | null;
  new_value: string | null;
  old_method: string | null;
}

async function appendHistory(tx: Tx, actor: Actor, method: UploadMethod, now: string, rows: HistoryRow[]) {
  await tx.execute(
    sql`insert into datapoint_history (datapoint_id, user_account_id, timestamp, old_value, new_value,
          old_upload_method, new_upload_method)
        select h.datapoint_id, ${actor.userId}::int, ${now}::timestamptz, h.old_value, h.new_value, h.old_method, ${method}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as h(datapoint_id int, old_value text, new_value text, old_method text)`,
  );
}

/** Keeps the last change per datapoint: within one batch, a later value wins. */
function lastChangePerDatapoint(changes: readonly DatapointChange[]): DatapointChange[] {
  const byKey = new Map<string, DatapointChange>();
  for (const change of changes.map(normalize)) byKey.set(datapointKey(change), change);
  return [...byKey.values()];
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
  const changes = lastChangePerDatapoint(input.changes);
  if (changes.length === 0) return { written: [], unchanged: 0 };
  await lockReports(
    tx,
    [...new Set(changes.map((c) => c.reportId))].sort((a, b) => a - b),
  );
  const existing = await readExisting(tx, changes);
  const toWrite = changes.filter((change) => {
    const before = existing.get(datapointKey(change));
    return !before || !sameStoredValue(before.value, storedValue(change.value));
  });
  if (toWrite.length === 0) return { written: [], unchanged: changes.length };

  const now = input.now.toISOString();
  const returned = await upsert(tx, toWrite, input.method, now);
  const ids = new Map(returned.map((row) => [keyOfRow(row), row.id]));
  const written = toWrite.map((change): WrittenDatapoint => {
    const before = existing.get(datapointKey(change));
    return {
      datapointId: ids.get(datapointKey(change)) ?? before?.id ?? 0,
      change,
      oldValue: before?.value ?? null,
      newValue: storedValue(change.value),
      inserted: !before,
    };
  });
  const history = written.flatMap((w): HistoryRow[] => {
    const before = existing.get(datapointKey(w.change));
    if (!before) return [];
    return [
      { datapoint_id: before.id, old_value: w.oldValue, new_value: w.newValue, old_method: before.upload_method },
    ];
  });
  if (history.length > 0) await appendHistory(tx, actor, input.method, now, history);
  return { written, unchanged: changes.length - toWrite.length };
}

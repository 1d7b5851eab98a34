/**
 * The values of an upload, written set-based: every value is COPYed into a temporary staging
 * table, then a handful of statements lock the records, match the values with the datapoints
 * already stored, insert the new ones, update the changed ones and append their history, all in
 * the caller's transaction (the staging tables go with it, at commit or rollback). Unchanged values
 * write nothing. This is the upload's counterpart of `writeDatapoints`, which stays the writer of
 * everything else: uploads carry no sub-categories or contexts, and their rows are counted in
 * hundreds of thousands, where sending them as statement parameters costs several times a COPY.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { copyCsvLines, csvCell } from '../../db/copy-rows.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { Actor } from '../actor.ts';
import type { UploadMethod } from '../datapoints/datapoint-rules.ts';
import type { PlannedValues } from './planned-values.ts';

/** Where a value went; values dropped for a total already held have none. */
export type MergedValue = {
  ord: number;
  datapointId: number;
  /** The stored value before the upload; null for a new datapoint. */
  oldValue: string | null;
  inserted: boolean;
  /** False when the datapoint already held the value. */
  written: boolean;
};

/** Stages where the upload is: the crash tests stop the process at each of them. */
export type MergeStep = 'copying' | 'merging';

export interface MergeInput {
  method: UploadMethod;
  now: Date;
  /** The values to write, each checked already; a value's position is its `ord`. */
  values: PlannedValues;
  /** The record of each value, by position. */
  reportIds: Int32Array;
  /** Told the number of values staged so far, after each chunk of the COPY. */
  onCopied?: (count: number) => void;
  /** Awaited on entering each step, while its work is under way and uncommitted. */
  onStep?: (step: MergeStep) => Promise<void> | void;
}

/**
 * A finite number as JavaScript reads it (`readStoredValue`), narrowed to what float8 reads without
 * overflow; values outside it are compared as text. Matches `sameStoredValue`: "3" = "3.0".
 */
const NUMBER_TEXT = String.raw`^\s*[+-]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})([eE][+-]?\d{1,2})?\s*$`;

/** SQL for `sameStoredValue(a, b)` where `b` is never null; CASE keeps the cast behind the pattern test. */
export function sameValueSql(a: SQL, b: SQL): SQL {
  return sql`(${a} is not null and case when ${a} ~ ${NUMBER_TEXT} and ${b} ~ ${NUMBER_TEXT}
    then ${a}::float8 = ${b}::float8 else ${a} = ${b} end)`;
}

const STAGING_COLUMNS = ['ord', 'report_id', 'metric_key', 'dim', 'value', 'only_if_empty'];

/**
 * The staging table's CSV lines, straight from the packed columns: the few metric keys and
 * breakdown members are encoded once, so a value costs one line of text and no object.
 */
function* stagingLines({ values, reportIds }: MergeInput): Generator<string> {
  const { columns } = values;
  const metricCells = columns.metricKeys.map(csvCell);
  const dimCells = columns.breakdowns.map(({ identifier, member }) =>
    csvCell(JSON.stringify({ [identifier]: member })),
  );
  for (let ord = 0; ord < values.length; ord += 1) {
    const breakdown = columns.breakdown[ord]!;
    const dim = breakdown < 0 ? '' : dimCells[breakdown];
    // A number's text (storedValue) never needs quoting in CSV.
    const flag = columns.onlyIfEmpty[ord] === 1 ? 't' : 'f';
    yield `${ord},${reportIds[ord]},${metricCells[columns.metric[ord]!]},${dim},${columns.value[ord]},${flag}\n`;
  }
}

async function stageValues(tx: Tx, input: MergeInput): Promise<void> {
  await tx.execute(sql`create temporary table upload_value (ord int not null, report_id int not null,
    metric_key text not null, dim jsonb, value text not null, only_if_empty boolean not null) on commit drop`);
  let stepTold = false;
  await copyCsvLines(tx, 'upload_value', STAGING_COLUMNS, stagingLines(input), async (count) => {
    input.onCopied?.(count);
    if (!stepTold) await input.onStep?.('copying');
    stepTold = true;
  });
  await tx.execute(sql`analyze upload_value`);
}

/**
 * Matches each staged value with its datapoint (the unique key; uploads write no sub-category or
 * context), drops inferred totals where a total is held, and gives each new value its id.
 */
async function matchValues(tx: Tx): Promise<void> {
  await tx.execute(sql`select r.id from report r where r.id in (select distinct report_id from upload_value)
    order by r.id for update`);
  await tx.execute(sql`create temporary table upload_merge on commit drop as
    select s.ord, coalesce(d.id, nextval('datapoint_id_seq')::int) as id, s.report_id, s.metric_key, s.dim, s.value,
      d.value as old_value, d.upload_method as old_method, d.id is null as inserted,
      d.id is null or not ${sameValueSql(sql`d.value`, sql`s.value`)} as written
    from upload_value s
    left join datapoint d on d.report_id = s.report_id and d.metric_definition_key = s.metric_key
      and d.dimension_identifier_to_member is not distinct from s.dim
      and d.sub_dimension_name is null and d.context_key is null
    where not (s.only_if_empty and d.value is not null)`);
}

function stamps(actor: Actor, now: Date) {
  return { at: sql`${now.toISOString()}::timestamptz`, userId: sql`${actor.userId}::int` };
}

async function insertNew(tx: Tx, actor: Actor, method: UploadMethod, now: Date): Promise<void> {
  const { at, userId } = stamps(actor, now);
  await tx.execute(sql`insert into datapoint (id, report_id, source_id, is_report_datapoint, metric_definition_key,
      start_date, end_date, dimension_identifier_to_member, value, upload_method, created_at, last_updated, created_by,
      created_upload_method)
    select m.id, m.report_id, r.source_id, true, m.metric_key, r.date_range_start, r.date_range_end, m.dim, m.value,
      ${method}, ${at}, ${at}, ${userId}, ${method}
    from upload_merge m join report r on r.id = m.report_id
    where m.inserted`);
}

async function updateChanged(tx: Tx, actor: Actor, method: UploadMethod, now: Date): Promise<void> {
  const { at, userId } = stamps(actor, now);
  await tx.execute(sql`update datapoint d set value = m.value, upload_method = ${method}, last_updated = ${at}
    from upload_merge m where d.id = m.id and m.written and not m.inserted`);
  await tx.execute(sql`insert into datapoint_history (datapoint_id, user_account_id, timestamp, old_value, new_value,
      old_upload_method, new_upload_method)
    select m.id, ${userId}, ${at}, m.old_value, m.value, m.old_method, ${method}
    from upload_merge m where m.written and not m.inserted order by m.ord`);
}

/**
 * Rows fetched from the merge at a time (about 10 ms of the caller's work): each fetch is a trip to
 * the database, so other requests get their turn between, and no more rows are held than these.
 */
const ROWS_PER_FETCH = 5_000;

async function* readMerged(tx: Tx): AsyncGenerator<MergedValue> {
  await tx.execute(sql`declare upload_merged no scroll cursor for
    select ord, id as "datapointId", old_value as "oldValue", inserted, written from upload_merge order by ord`);
  for (;;) {
    const rows = await queryRows<MergedValue>(tx, sql.raw(`fetch forward ${ROWS_PER_FETCH} from upload_merged`));
    if (rows.length === 0) break;
    yield* rows;
  }
  await tx.execute(sql`close upload_merged`);
}

/**
 * Writes the values inside `tx` and yields, in order, where each one went. The caller's
 * transaction makes it all or nothing.
 */
export async function mergeUploadValues(tx: Tx, actor: Actor, input: MergeInput): Promise<AsyncGenerator<MergedValue>> {
  await stageValues(tx, input);
  await matchValues(tx);
  await insertNew(tx, actor, input.method, input.now);
  await input.onStep?.('merging');
  await updateChanged(tx, actor, input.method, input.now);
  return readMerged(tx);
}

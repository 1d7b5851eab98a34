/**
 * From validated rows to the values to write: drops periods with duplicate rows, keeps explicit
 * totals, warns where a breakdown does not add up to its total, and infers a missing total from
 * the first breakdown sheet of the metric. Pure: no database.
 */
import type { DimensionDef, MemberDef, MetricDef } from '@jc/catalogue';
import { breakdownSumProblem } from '../../contract/breakdown-sums.ts';
import { valueProblem } from '../datapoints/datapoint-rules.ts';
import type { CheckedRows } from './checked-rows.ts';
import type { Period, UploadRow } from './upload-row.ts';
import { messages, type MessageLog } from './upload-messages.ts';

export interface PlannedValue {
  agencyId: number;
  metric: MetricDef;
  period: Period;
  dimension: DimensionDef | null;
  member: MemberDef | null;
  value: number;
  /** An inferred total is written only where the database holds no total yet. */
  onlyIfEmpty: boolean;
}

const periodKey = (row: UploadRow) =>
  JSON.stringify([row.agencyId, row.file.metric.key, row.period.start, row.period.end]);
const sheetPeriodKey = (row: UploadRow) => JSON.stringify([row.file.sheetName, periodKey(row)]);

/** Python-style number text, as the reference's messages show it: 10 → "10.0", 2.5 → "2.5". */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/** `2021-01-01` → `01/01/2021`. */
function usDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}

/** Ids handed out to distinct keys, first seen first. */
function idsOf(): (key: string) => number {
  const ids = new Map<string, number>();
  return (key) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
}

/**
 * Groups of the indices of rows sharing everything but the value ("Too Many Rows"), in the order
 * of their first row. Each row's key is a number made of two ids, its series (sheet, agency,
 * metric, member) and its period, which have few distinct values each: a text kept per row to
 * compare them would hold about 130 bytes a row for the whole file.
 */
function duplicateGroups(rows: CheckedRows): number[][] {
  const seriesId = idsOf();
  const periodId = idsOf();
  const keys = Float64Array.from(rows, (row) => {
    const series = JSON.stringify([row.file.sheetName, row.agencyId, row.file.metric.key, row.member?.name]);
    return seriesId(series) * 2 ** 32 + periodId(`${row.period.start} ${row.period.end}`);
  });
  const order = Uint32Array.from({ length: rows.length }, (_, index) => index).sort(
    (a, b) => keys[a]! - keys[b]! || a - b,
  );
  const groups: number[][] = [];
  let start = 0;
  for (let end = 1; end <= order.length; end += 1) {
    if (end < order.length && keys[order[end]!] === keys[order[start]!]) continue;
    if (end - start > 1) groups.push([...order.subarray(start, end)]);
    start = end;
  }
  return groups.sort((a, b) => a[0]! - b[0]!);
}

/** Rows sharing everything but the value: their whole sheet-period is dropped with one error. */
function duplicatePeriods(rows: CheckedRows, log: MessageLog): ReadonlySet<string> {
  const blocked = new Set<string>();
  for (const group of duplicateGroups(rows)) {
    const first = rows.at(group[0]!);
    blocked.add(sheetPeriodKey(first));
    const numbers = group.map((index) => rows.at(index).rowNumber);
    log.add(messages.tooManyRows(first.period.label, numbers), first.file.metric.key, first.sheetName);
  }
  return blocked;
}

function* without(rows: Iterable<UploadRow>, blocked: ReadonlySet<string>): Generator<UploadRow> {
  for (const row of rows) if (!blocked.has(sheetPeriodKey(row))) yield row;
}

interface BreakdownSum {
  first: UploadRow;
  sum: number;
}

function breakdownSums(rows: Iterable<UploadRow>): BreakdownSum[] {
  const sums = new Map<string, BreakdownSum>();
  for (const row of rows) {
    if (row.member === null) continue;
    const key = sheetPeriodKey(row);
    const entry = sums.get(key) ?? { first: row, sum: 0 };
    entry.sum += row.value;
    sums.set(key, entry);
  }
  const order = (entry: BreakdownSum) =>
    entry.first.file.metric.dimensions.findIndex((d) => d.identifier === entry.first.file.dimension?.identifier);
  return [...sums.values()].sort((a, b) => order(a) - order(b));
}

function mismatchDescription(entry: BreakdownSum, total: number, agencyLabel: string | null): string {
  const { first, sum } = entry;
  const where = first.singlePage
    ? `the '${first.file.metric.key.toLowerCase()}' metric's ${first.file.column} breakdown`
    : `the ${first.file.sheetName} sheet`;
  const forAgency = agencyLabel === null ? '' : ` for agency ${agencyLabel}`;
  const dates = `${usDate(first.period.start)}-${usDate(first.period.end)}`;
  const aggregate = first.singlePage ? 'aggregate row' : 'aggregate sheet';
  return `The sum of all values (${formatAmount(sum)}) in ${where}${forAgency} for ${dates} does not equal the total value provided in the ${aggregate} (${formatAmount(total)}).`;
}

const valueOf = (row: UploadRow, onlyIfEmpty = false): PlannedValue => ({
  agencyId: row.agencyId,
  metric: row.file.metric,
  period: row.period,
  dimension: row.member ? row.file.dimension : null,
  member: row.member,
  value: row.value,
  onlyIfEmpty,
});

/**
 * The values to write, each made as it is read: an object kept per value until they are packed
 * would hold about 100 bytes a row more.
 */
export interface PlannedSequence extends Iterable<PlannedValue> {
  readonly length: number;
}

/**
 * @param agencyLabel names the agency in breakdown warnings when the upload spans several
 *   agencies; null when it goes to one agency.
 */
export function planUpload(
  validRows: CheckedRows,
  log: MessageLog,
  agencyLabel: (agencyId: number) => string | null,
): PlannedSequence {
  const blocked = duplicatePeriods(validRows, log);
  const rows = () => (blocked.size === 0 ? validRows : without(validRows, blocked));
  const totals = new Map<string, number>();
  let count = 0;
  for (const row of rows()) {
    count += 1;
    if (row.member === null) totals.set(periodKey(row), row.value);
  }
  const inferred = new Map<string, PlannedValue>();
  for (const entry of breakdownSums(rows())) {
    const key = periodKey(entry.first);
    const total = totals.get(key);
    if (total === undefined) {
      const sum = Math.round(entry.sum * 100) / 100;
      const fits = valueProblem(entry.first.file.metric.unit, sum) === undefined;
      if (fits && !inferred.has(key)) {
        inferred.set(key, { ...valueOf(entry.first, true), dimension: null, member: null, value: sum });
      }
    } else if (breakdownSumProblem(total, entry.sum)) {
      const description = mismatchDescription(entry, total, agencyLabel(entry.first.agencyId));
      log.add(messages.breakdownTotal(description), entry.first.file.metric.key, null);
    }
  }
  return {
    length: count + inferred.size,
    *[Symbol.iterator]() {
      for (const row of rows()) yield valueOf(row);
      yield* inferred.values();
    },
  };
}

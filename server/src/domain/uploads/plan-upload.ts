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

/** Each key's dense id (equal keys share one, first seen first) and how many distinct keys there are. */
function denseIds(keys: readonly string[]): { ids: Int32Array; count: number } {
  const known = new Map<string, number>();
  const ids = Int32Array.from(keys, (key) => {
    let id = known.get(key);
    if (id === undefined) known.set(key, (id = known.size));
    return id;
  });
  return { ids, count: known.size };
}

/**
 * Numbers standing for what a row is grouped by, made from the checked rows' small tables rather
 * than a text a row: its sheet-period (sheet, agency, metric, period dates), its period (agency,
 * metric, dates) and its series-period (those of the sheet-period and the member's name). A sheet
 * index stands for its sheet name and metric. Each number is a mixed-radix number of small dense
 * ids, far below 2^53: an upload names few agencies, sheets, members and period dates.
 */
class RowKeys {
  private readonly metricOfFile: Int32Array;
  private readonly datesOfPeriod: Int32Array;
  private readonly nameOfMember: Int32Array;
  private readonly fileCount: number;
  private readonly metricCount: number;
  private readonly dateCount: number;
  private readonly nameCount: number;

  constructor(private readonly rows: CheckedRows) {
    const metrics = denseIds(rows.fileList.map((file) => file.metric.key));
    const dates = denseIds(rows.periodList.map((period) => `${period.start} ${period.end}`));
    const names = denseIds(rows.memberList.map((member) => member.name));
    [this.metricOfFile, this.metricCount] = [metrics.ids, metrics.count];
    [this.datesOfPeriod, this.dateCount] = [dates.ids, dates.count];
    // One more name id, the last, for a total's missing member.
    [this.nameOfMember, this.nameCount] = [names.ids, names.count + 1];
    this.fileCount = rows.fileList.length;
  }

  sheetPeriod(index: number): number {
    return (this.agency(index) * this.fileCount + this.rows.fileIndex(index)) * this.dateCount + this.dates(index);
  }

  period(index: number): number {
    const metric = this.metricOfFile[this.rows.fileIndex(index)]!;
    return (this.agency(index) * this.metricCount + metric) * this.dateCount + this.dates(index);
  }

  seriesPeriod(index: number): number {
    const member = this.rows.memberIndex(index);
    const name = member < 0 ? this.nameCount - 1 : this.nameOfMember[member]!;
    const series = (this.agency(index) * this.fileCount + this.rows.fileIndex(index)) * this.nameCount + name;
    return series * this.dateCount + this.dates(index);
  }

  private dates(index: number): number {
    return this.datesOfPeriod[this.rows.periodIndex(index)]!;
  }

  private agency(index: number): number {
    return this.rows.agencyIndex(index);
  }
}

/**
 * Groups of the indices of rows sharing everything but the value ("Too Many Rows"), in the order
 * of their first row. The keys are sorted as numbers to find any repeated one (an honest file has
 * none); only then are the rows of repeated keys collected.
 */
function duplicateGroups(rows: CheckedRows, keys: RowKeys): number[][] {
  const keyOf = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) keyOf[index] = keys.seriesPeriod(index);
  const sorted = keyOf.slice().sort();
  const repeated = new Map<number, number[]>();
  for (let at = 1; at < sorted.length; at += 1) if (sorted[at] === sorted[at - 1]) repeated.set(sorted[at]!, []);
  if (repeated.size === 0) return [];
  for (let index = 0; index < keyOf.length; index += 1) repeated.get(keyOf[index]!)?.push(index);
  return [...repeated.values()].sort((a, b) => a[0]! - b[0]!);
}

/** Rows sharing everything but the value: their whole sheet-period is dropped with one error. */
function duplicatePeriods(rows: CheckedRows, keys: RowKeys, log: MessageLog): ReadonlySet<number> {
  const blocked = new Set<number>();
  for (const group of duplicateGroups(rows, keys)) {
    const first = rows.at(group[0]!);
    blocked.add(keys.sheetPeriod(group[0]!));
    const numbers = group.map((index) => rows.at(index).rowNumber);
    log.add(messages.tooManyRows(first.period.label, numbers), first.file.metric.key, first.sheetName);
  }
  return blocked;
}

interface BreakdownSum {
  first: UploadRow;
  /** The first row's index. */
  at: number;
  sum: number;
}

/** The breakdown rows' sums by sheet-period, each with its first row, in the order their breakdowns are defined. */
function breakdownSums(rows: CheckedRows, keys: RowKeys, kept: (index: number) => boolean): BreakdownSum[] {
  const sums = new Map<number, { first: number; sum: number }>();
  for (let index = 0; index < rows.length; index += 1) {
    if (rows.memberIndex(index) < 0 || !kept(index)) continue;
    const key = keys.sheetPeriod(index);
    let entry = sums.get(key);
    if (entry === undefined) sums.set(key, (entry = { first: index, sum: 0 }));
    entry.sum += rows.value(index);
  }
  const order = ({ metric, dimension }: UploadRow['file']) =>
    metric.dimensions.findIndex((d) => d.identifier === dimension?.identifier);
  // Each entry's place is found once, not at each of the sort's comparisons.
  const ranked = [...sums.values()].map(({ first, sum }) => {
    const row = rows.at(first);
    return { entry: { first: row, at: first, sum }, rank: order(row.file) };
  });
  return ranked.sort((a, b) => a.rank - b.rank).map(({ entry }) => entry);
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

/** A kept row's value to write, made without its UploadRow. */
function plannedValue(rows: CheckedRows, index: number): PlannedValue {
  const file = rows.fileList[rows.fileIndex(index)]!;
  const memberAt = rows.memberIndex(index);
  const member = memberAt < 0 ? null : rows.memberList[memberAt]!;
  return {
    agencyId: rows.agencyId(index),
    metric: file.metric,
    period: rows.periodList[rows.periodIndex(index)]!,
    dimension: member ? file.dimension : null,
    member,
    value: rows.value(index),
    onlyIfEmpty: false,
  };
}

/** The total a breakdown sums to, written only where the database holds no total yet. */
function inferredTotal(first: UploadRow, sum: number): PlannedValue {
  const { agencyId, file, period } = first;
  return { agencyId, metric: file.metric, period, dimension: null, member: null, value: sum, onlyIfEmpty: true };
}

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
  const keys = new RowKeys(validRows);
  const blocked = duplicatePeriods(validRows, keys, log);
  const kept = (index: number) => blocked.size === 0 || !blocked.has(keys.sheetPeriod(index));
  const totals = new Map<number, number>();
  let count = 0;
  for (let index = 0; index < validRows.length; index += 1) {
    if (!kept(index)) continue;
    count += 1;
    if (validRows.memberIndex(index) < 0) totals.set(keys.period(index), validRows.value(index));
  }
  const inferred = new Map<number, PlannedValue>();
  for (const entry of breakdownSums(validRows, keys, kept)) {
    const { first } = entry;
    const key = keys.period(entry.at);
    const total = totals.get(key);
    if (total === undefined) {
      const sum = Math.round(entry.sum * 100) / 100;
      const fits = valueProblem(first.file.metric.unit, sum) === undefined;
      if (fits && !inferred.has(key)) inferred.set(key, inferredTotal(first, sum));
    } else if (breakdownSumProblem(total, entry.sum)) {
      const description = mismatchDescription(entry, total, agencyLabel(first.agencyId));
      log.add(messages.breakdownTotal(description), first.file.metric.key, null);
    }
  }
  return {
    length: count + inferred.size,
    *[Symbol.iterator]() {
      for (let index = 0; index < validRows.length; index += 1) if (kept(index)) yield plannedValue(validRows, index);
      yield* inferred.values();
    },
  };
}

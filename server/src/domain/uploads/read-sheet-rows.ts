/**
 * Turns the data rows of one accepted sheet into upload rows: the agency, metric, breakdown member
 * and period each value belongs to. A row with any problem is reported and left out; the others go on.
 */
import type { MemberDef, SystemName } from '@jc/catalogue';
import { reportDateRange, type ReportFrequency } from '../../contract/report-periods.ts';
import { valueProblem } from '../datapoints/datapoint-rules.ts';
import type { CheckedRows } from './checked-rows.ts';
import { findSinglePageFile, metricFileForSubsystem, metricFilesFor, type MetricFile } from './metric-files.ts';
import type { Cell, RawRow, RawSheet } from './raw-upload.ts';
import {
  readAgency,
  readMember,
  readMonth,
  readSystem,
  readValue,
  readYear,
  type CellResult,
  type ChildAgency,
  type YearCell,
} from './row-cells.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';
import type { Period, UploadRow } from './upload-row.ts';
import { cellRules, messages, type MessageLog, type Problem } from './upload-messages.ts';

export interface SheetLayout {
  sheet: RawSheet;
  /** Canonical sheet name for a metric sheet, the sheet's own name for a single-page sheet. */
  sheetName: string;
  /** The metric sheet; null for a single-page sheet, whose rows name their metric. */
  file: MetricFile | null;
  columns: Map<string, number>;
  expectsAgency: boolean;
  expectsSystem: boolean;
}

interface Failure {
  problem: Problem;
  aboutFile?: boolean;
}

/** Periods are shared by every row that names them: a big upload names only a few hundred. */
const knownPeriods = new Map<number, Period>();
const MAX_KNOWN_PERIODS = 50_000;

/** Year and month are whole numbers (a month 1 to 12): a number says which period, with no text made a row. */
function period(frequency: ReportFrequency, year: number, month: number): Period {
  const key = (year * 100 + month) * (frequency === 'MONTHLY' ? 1 : -1);
  let known = knownPeriods.get(key);
  if (!known) {
    const label = frequency === 'MONTHLY' ? `${month}/${year}` : String(year);
    known = Object.freeze({ ...reportDateRange(frequency, year, month), frequency, label });
    if (knownPeriods.size < MAX_KNOWN_PERIODS) knownPeriods.set(key, known);
  }
  return known;
}

function periodOf(
  context: UploadContext,
  agencyId: number,
  file: MetricFile,
  year: number,
  month: number | null,
): Period {
  if (month !== null) return period('MONTHLY', year, month);
  return period('ANNUAL', year, settingFor(context, agencyId, file.metric).startingMonth ?? 1);
}

/** A single-page row's sheet, from its `metric` and `breakdown_category` cells. */
function singlePageFile(context: UploadContext, row: number, cell: (name: string) => Cell): CellResult<MetricFile> {
  const files = metricFilesFor(context.system);
  const options = files.filter((file) => file.dimension === null).map((file) => file.sheetName);
  const metric = cell('metric');
  if (metric === null) return { ok: false, problem: messages.emptyCell(row, 'metric', cellRules.metric(options)) };
  const total = findSinglePageFile(context.system, String(metric), '');
  if (!total) {
    return { ok: false, problem: messages.invalidCell(row, 'metric', String(metric), cellRules.metric(options)) };
  }
  const category = cell('breakdown_category');
  const file = findSinglePageFile(context.system, String(metric), category === null ? '' : String(category));
  if (file && (category !== null || cell('breakdown') === null)) return { ok: true, value: file };
  const columns = files.filter((candidate) => candidate.metric === total.metric && candidate.column !== null);
  const shown = category === null ? '(empty, but a breakdown was given)' : String(category);
  const rule = cellRules.breakdownCategory(columns.map((candidate) => String(candidate.column)));
  return { ok: false, problem: messages.invalidCell(row, 'breakdown_category', shown, rule) };
}

interface RowParts {
  year: YearCell;
  month: number | null;
  child: ChildAgency | undefined;
  value: number;
  base: MetricFile;
  system: SystemName | undefined;
  member: MemberDef | null;
}

/** The row's cell under a column the sheet's header named; null when blank or absent. */
function cellReader(layout: SheetLayout, row: RawRow): (name: string) => Cell {
  return (name) => {
    const index = layout.columns.get(name);
    return index === undefined ? null : (row.cells[index] ?? null);
  };
}

/** Reads every cell of the row, collecting each problem, so one upload reports all of them at once. */
function readParts(context: UploadContext, layout: SheetLayout, row: RawRow) {
  const n = row.rowNumber;
  const cell = cellReader(layout, row);
  const failures: Failure[] = [];
  const take = <T>(result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    failures.push(result);
    return undefined;
  };
  const year = take(readYear(cell('year'), n, context.currentYear));
  const month = take(readMonth(cell('month'), n));
  if (year?.fiscal && typeof month === 'number') failures.push({ problem: fiscalWithMonth(n, cell('year')) });
  const child = layout.expectsAgency ? take(readAgency(cell('agency'), n, context.children)) : undefined;
  const value = take(readValue(cell('value'), n));
  const base = layout.file ?? take(singlePageFile(context, n, cell));
  const split = base !== undefined && layout.expectsSystem && isSplitBySubsystem(context, base.metric);
  const system = split ? take(readSystem(cell('system'), n, context.supervisionSystems)) : undefined;
  const column = layout.file ? base?.column : 'breakdown';
  const member = base?.dimension && column ? take(readMember(cell(column), n, column, base.dimension)) : null;
  const complete = year && month !== undefined && value !== undefined && base && member !== undefined;
  const parts: RowParts | undefined =
    complete && failures.length === 0 ? { year, month, child, value, base, system, member } : undefined;
  return { parts, failures, metricKey: base?.metric.key ?? null };
}

function fiscalWithMonth(row: number, cell: Cell): Problem {
  const rule = 'A fiscal year cannot be combined with a month; give the calendar year of that month.';
  return messages.invalidCell(row, 'year', String(cell), rule);
}

function toUploadRow(context: UploadContext, layout: SheetLayout, rowNumber: number, parts: RowParts): UploadRow {
  const { base, system, child, member, year, month, value } = parts;
  const file = system && system !== 'SUPERVISION' ? metricFileForSubsystem(base, system) : base;
  const agencyId = child?.id ?? context.agency.id;
  const period = periodOf(context, agencyId, file, year.year, month);
  const singlePage = layout.file === null;
  return { sheetName: layout.sheetName, rowNumber, singlePage, file, agencyId, member, period, value };
}

/** How many data rows the sheets held, and how many of them had no figure. */
export interface RowCounts {
  read: number;
  blank: number;
}

/**
 * A row with a blank `value` has no figure to save (a template lists every period, and people fill
 * in only some): it is counted and skipped, whatever its other cells say, and never an error.
 * The sheet's checked rows are added to `rows`.
 */
export function readSheetRows(
  context: UploadContext,
  layout: SheetLayout,
  log: MessageLog,
  counts: RowCounts,
  rows: CheckedRows,
): void {
  for (const row of layout.sheet.rows) {
    if (cellReader(layout, row)('value') === null) {
      counts.blank += 1;
      continue;
    }
    const { parts, failures, metricKey } = readParts(context, layout, row);
    for (const { problem, aboutFile } of failures) log.add(problem, aboutFile ? null : metricKey, layout.sheetName);
    if (!parts) continue;
    const read = toUploadRow(context, layout, row.rowNumber, parts);
    const outOfRange = valueProblem(read.file.metric.unit, read.value);
    if (outOfRange) {
      const problem = messages.invalidCell(row.rowNumber, 'value', String(read.value), `The value ${outOfRange}.`);
      log.add(problem, metricKey, layout.sheetName);
      continue;
    }
    if (settingFor(context, read.agencyId, read.file.metric).enabled === false) {
      log.add(messages.disabledMetric(read.file.metric.displayName), read.file.metric.key, layout.sheetName);
    }
    rows.push(read);
  }
}

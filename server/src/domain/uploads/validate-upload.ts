/**
 * Reads every sheet of an upload into rows, sheet by sheet: recognise the sheet (by name, or as a
 * single-page sheet by its columns), check its header, then its rows. Problems are reported and
 * only the rows or sheets they concern are left out. Runs entirely before the database is written.
 */
import { isSupervisionSubsystem, metricKey, getMetric, type MetricDef } from '@jc/catalogue';
import { CheckedRows } from './checked-rows.ts';
import { findMetricFile, findSinglePageFile, metricFilesFor, type MetricFile } from './metric-files.ts';
import { isInstructionsSheet, normaliseHeader } from './names.ts';
import type { RawSheet, RawUpload } from './raw-upload.ts';
import { readSheetRows, type RowCounts, type SheetLayout } from './read-sheet-rows.ts';
import { checkColumns, isSinglePageSheet, type ColumnExpectation } from './sheet-columns.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';
import { MessageLog, messages } from './upload-messages.ts';

export interface ValidatedUpload {
  rows: CheckedRows;
  messages: MessageLog;
  counts: RowCounts;
}

/** The metrics a sheet's rows may report: a split supervision metric's sub-system copies too. */
function reportedMetrics(context: UploadContext, metric: MetricDef): MetricDef[] {
  if (!isSplitBySubsystem(context, metric)) return [metric];
  const copies = context.supervisionSystems
    .filter(isSupervisionSubsystem)
    .map((system) => getMetric(metricKey(system, metric.metricType)));
  return [metric, ...copies.filter((copy): copy is MetricDef => copy !== undefined)];
}

/**
 * A `month` column is expected when any agency the rows go to reports any of the sheet's metrics
 * monthly: the uploading agency, or for a superagency uploading for its children, each child.
 */
export function monthExpected(context: UploadContext, metrics: readonly MetricDef[]): boolean {
  const agencies = context.children.length > 0 ? context.children.map((child) => child.id) : [context.agency.id];
  return metrics
    .flatMap((metric) => reportedMetrics(context, metric))
    .some((metric) => agencies.some((id) => settingFor(context, id, metric).frequency === 'MONTHLY'));
}

/** The total sheets a single-page sheet's `metric` column names (unknown names are row problems later). */
function singlePageMetrics(context: UploadContext, sheet: RawSheet): MetricDef[] {
  const index = sheet.headers.findIndex((header) => normaliseHeader(header) === 'metric');
  const metrics = new Set<MetricDef>();
  for (const row of sheet.rows) {
    const cell = index < 0 ? null : row.cells[index];
    const file = cell === null || cell === undefined ? undefined : findSinglePageFile(context.system, String(cell), '');
    if (file) metrics.add(file.metric);
  }
  return [...metrics];
}

function expectationFor(context: UploadContext, sheet: RawSheet, file: MetricFile | null): ColumnExpectation {
  const metrics = file ? [file.metric] : singlePageMetrics(context, sheet);
  return {
    singlePage: file === null,
    breakdownColumn: file?.column ?? null,
    month: monthExpected(context, metrics),
    agency: context.children.length > 0,
    system: metrics.some((metric) => isSplitBySubsystem(context, metric)),
  };
}

/** Checks the sheet's header and, when usable, adds its rows to `rows` (all of them or, after an error, none). */
function readSheet(
  context: UploadContext,
  sheet: RawSheet,
  file: MetricFile | null,
  log: MessageLog,
  { counts, rows }: Pick<ValidatedUpload, 'counts' | 'rows'>,
): void {
  const expect = expectationFor(context, sheet, file);
  const check = checkColumns(sheet.headers, sheet.rows, expect);
  const sheetName = file?.sheetName ?? sheet.name;
  for (const problem of check.problems) log.add(problem, file?.metric.key ?? null, sheetName);
  if (!check.usable) return;
  const layout: SheetLayout = {
    sheet,
    sheetName,
    file,
    columns: check.columns,
    expectsAgency: expect.agency,
    expectsSystem: expect.system,
  };
  const before = rows.length;
  try {
    readSheetRows(context, layout, log, counts, rows);
  } catch (error) {
    rows.truncate(before);
    log.add(messages.unexpectedError((error as Error).message), file?.metric.key ?? null, sheetName);
  }
}

/** Metrics turned on for the agency that got no sheet at all (multi-sheet workbooks only). */
function missingMetricWarnings(context: UploadContext, seen: ReadonlySet<string>, log: MessageLog): void {
  const metrics = new Map(metricFilesFor(context.system).map((file) => [file.metric.key, file.metric]));
  for (const metric of metrics.values()) {
    if (seen.has(metric.key) || settingFor(context, context.agency.id, metric).enabled !== true) continue;
    log.add(messages.missingMetric(metric.displayName, metric.sheetNames.total), metric.key, null);
  }
}

export async function validateUpload(context: UploadContext, upload: RawUpload): Promise<ValidatedUpload> {
  const log = new MessageLog();
  const rows = new CheckedRows();
  const unknownNames: string[] = [];
  const seenMetrics = new Set<string>();
  const counts: RowCounts = { read: 0, blank: 0 };
  let singlePage = false;
  for await (const sheet of upload.sheets) {
    if (sheet.headers.length === 0 || isInstructionsSheet(sheet.name)) continue;
    counts.read += sheet.rows.length;
    const isSinglePage = isSinglePageSheet(sheet.headers);
    const file = isSinglePage ? null : (findMetricFile(context.system, sheet.name) ?? null);
    if (!isSinglePage && !file) {
      unknownNames.push(sheet.name);
      continue;
    }
    singlePage ||= isSinglePage;
    if (file) seenMetrics.add(file.metric.key);
    const before = rows.length;
    readSheet(context, sheet, file, log, { counts, rows });
    for (let index = before; index < rows.length; index += 1) seenMetrics.add(rows.at(index).file.metric.key);
  }
  const valid = metricFilesFor(context.system).map((file) => file.sheetName);
  for (const name of upload.kind === 'csv' ? unknownNames : []) {
    log.add(messages.invalidCsvName(name, valid), null, null);
  }
  if (upload.kind === 'xlsx' && unknownNames.length > 0) {
    log.add(messages.invalidSheetNames(unknownNames, valid), null, null);
  }
  if (upload.kind === 'xlsx' && !singlePage) missingMetricWarnings(context, seenMetrics, log);
  return { rows, messages: log, counts };
}

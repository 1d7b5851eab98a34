/**
 * Pure rules of the upload screens: which sectors a file may be for, whether a chosen file can be
 * sent, how an upload result sorts its metrics, and what the review shows.
 */
import { systemLabel, isSystemName, SUPERVISION_SUBSYSTEMS } from '@jc/catalogue';
import type { SessionAgency } from '../../api/session.ts';
import type { UploadMessageWire, UploadMetric, UploadResultWire, UploadSummaryWire } from '@jc/server/contract';
import { UPLOAD_LIMITS } from '../../api/uploads.ts';

export interface Sector {
  system: string;
  label: string;
}

/** The agency's sectors, sub-systems folded into Supervision, Superagency first for superagencies. */
export function uploadSectors(agency: Pick<SessionAgency, 'systems' | 'isSuperagency'>): Sector[] {
  const own = agency.systems.filter((system) => !SUPERVISION_SUBSYSTEMS.some((sub) => sub === system));
  const systems = agency.isSuperagency && !own.includes('SUPERAGENCY') ? ['SUPERAGENCY', ...own] : own;
  return systems.map((system) => ({ system, label: isSystemName(system) ? systemLabel(system) : system }));
}

/** Why a chosen file cannot be sent, in words; undefined when it can. */
export function fileProblem(file: Pick<File, 'name' | 'size'>): string | undefined {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (extension === 'xls') {
    return `"${file.name}" is an old Excel (.xls) workbook. Open it in Excel and save it as .xlsx first.`;
  }
  if (extension !== 'xlsx' && extension !== 'csv') {
    return `"${file.name}" is not a spreadsheet. Choose an .xlsx or .csv file.`;
  }
  if (file.size > UPLOAD_LIMITS.maxFileBytes) {
    return `"${file.name}" is larger than ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB. Split it into several files.`;
  }
  if (file.size === 0) return `"${file.name}" is empty.`;
  return undefined;
}

/**
 * The fewest rows an upload saves a minute: 5,000 a second, a conservative floor for a busy 2-core
 * server; a quiet one measured about 25,000 a second end to end (docs/performance.md).
 */
export const ROWS_PER_MINUTE = 300_000;

/**
 * Data rows in a megabyte of each kind of file, measured on the upload benchmark's files: 590,500
 * rows in 14.9 MB of .xlsx, 201,600 rows in 12.9 MB of .csv (a CSV repeats its names as text on
 * every row; a workbook shares them and is compressed).
 */
export const ROWS_PER_MB = { xlsx: 40_000, csv: 16_000 } as const;

/** "under a minute", "about a minute", "about 2 minutes": how long saving `rows` rows takes at the floor. */
function timeFor(rows: number): string {
  if (rows < ROWS_PER_MINUTE) return 'under a minute';
  const minutes = Math.ceil(rows / ROWS_PER_MINUTE);
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/** How big a file may be and how long one takes, for the upload page's help. */
export function uploadSizeHelp(): { limits: string; time: string } {
  const rows = UPLOAD_LIMITS.maxRows.toLocaleString('en-US');
  const megabytes = UPLOAD_LIMITS.maxFileBytes / 1024 / 1024;
  const longest = Math.ceil(UPLOAD_LIMITS.maxRows / ROWS_PER_MINUTE);
  return {
    limits: `A file may hold up to ${rows} rows of data over all its sheets and be up to ${megabytes} MB; split a larger one into several uploads.`,
    time: `Saving takes up to a minute for every ${ROWS_PER_MINUTE.toLocaleString('en-US')} rows, so up to ${longest === 1 ? 'a minute' : `${longest} minutes`} for the largest file. A file of a few thousand rows takes seconds, and once you choose a file you will see how long it should take.`,
  };
}

/**
 * How long a chosen file should take to save, in words, estimated from its size and kind (rows at
 * most the row limit); undefined for a file that is not a spreadsheet.
 */
export function saveTimeEstimate(file: Pick<File, 'name' | 'size'>): string | undefined {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension !== 'xlsx' && extension !== 'csv') return undefined;
  const rows = Math.min(UPLOAD_LIMITS.maxRows, Math.ceil((file.size / 1024 / 1024) * ROWS_PER_MB[extension]));
  return `This file should take ${timeFor(rows)} to save.`;
}

export const messagesOf = (metric: UploadMetric): UploadMessageWire[] =>
  metric.metric_errors.flatMap((group) => group.messages);

export interface ClassifiedResult {
  /** Metrics with an error. */
  alerts: UploadMetric[];
  /** Metrics saved without errors (maybe with warnings). */
  saved: UploadMetric[];
  /** Metrics the file held nothing for. */
  notUploaded: UploadMetric[];
  errorCount: number;
  hasWarnings: boolean;
}

export function classifyResult(result: UploadResultWire): ClassifiedResult {
  const hasError = (metric: UploadMetric) => messagesOf(metric).some((m) => m.type === 'ERROR');
  const alerts = result.metrics.filter(hasError);
  const saved = result.metrics.filter((m) => !hasError(m) && m.datapoints.length > 0);
  const notUploaded = result.metrics.filter((m) => !hasError(m) && m.datapoints.length === 0);
  const warnings = [...result.metrics.flatMap(messagesOf), ...result.non_metric_errors].some(
    (m) => m.type === 'WARNING',
  );
  return {
    alerts,
    saved,
    notUploaded,
    errorCount: alerts.length + result.non_metric_errors.length,
    hasWarnings: warnings,
  };
}

/** "1 row", "142 rows", "1,200 rows". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

export interface SummaryText {
  headline: string;
  lines: string[];
}

/** The result's headline and counts, from what the upload wrote. */
export function summaryText(summary: UploadSummaryWire): SummaryText {
  const headline = summary.rows_saved === 0 ? 'No rows were saved' : `${counted(summary.rows_saved, 'row')} saved`;
  const records = [
    summary.records_created > 0 && `${counted(summary.records_created, 'record')} created`,
    summary.records_changed > 0 && `${counted(summary.records_changed, 'record')} changed`,
  ].filter(Boolean);
  const messages = [
    summary.errors > 0 && counted(summary.errors, 'error'),
    summary.warnings > 0 && counted(summary.warnings, 'warning'),
  ].filter(Boolean);
  const lines = [
    summary.rows_blank > 0 && `${counted(summary.rows_blank, 'blank row')} skipped (no figure given).`,
    summary.rows_skipped > 0 &&
      `${counted(summary.rows_skipped, 'row')} not saved because of the problems listed below.`,
    records.length > 0 ? `${records.join(', ')}.` : 'No records were created or changed.',
    summary.records_unpublished > 0 &&
      `${counted(summary.records_unpublished, 'published record')} went back to draft; publish again once you have checked the figures.`,
    messages.length > 0 && `${messages.join(' and ')} listed below.`,
  ];
  return { headline, lines: lines.filter((line): line is string => typeof line === 'string') };
}

/** The title of the server's warning about figures for a period that has not ended. */
export const PERIOD_NOT_OVER = 'Period Not Over';

/** The descriptions of every "period not over" warning, for the review page. */
export function unfinishedPeriodNotes(result: UploadResultWire): string[] {
  return result.metrics
    .flatMap(messagesOf)
    .filter((message) => message.title === PERIOD_NOT_OVER)
    .map((message) => message.description);
}

/** The errors-and-warnings page comes first when there is anything to say. */
export function needsAttention(result: UploadResultWire): boolean {
  const classified = classifyResult(result);
  return classified.errorCount > 0 || classified.hasWarnings;
}

/** Every record the upload touched, for publishing. */
export function uploadedRecords(result: UploadResultWire) {
  return [...result.new_reports, ...result.updated_reports, ...result.unchanged_reports];
}

/** Values the upload changed: "Arrests: Drug Offenses (01/23)". */
export function overwrites(result: UploadResultWire): string[] {
  return result.metrics.flatMap((metric) =>
    metric.datapoints
      .filter((d) => d.old_value !== null)
      .map((d) => {
        const date = new Date(d.start_date);
        const period = `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCFullYear()).slice(2)}`;
        return `${metric.display_name}: ${d.dimension_display_name ?? 'Total'} (${period})`;
      }),
  );
}

type Datapoint = UploadMetric['datapoints'][number];

export interface ReviewCell {
  value: number | string | null;
  /** The value before the upload, when the upload changed it. */
  old: number | string | null;
}

export interface UploadTable {
  key: string;
  title: string;
  /** Column headings, oldest period first: "Jan 2023", "2023" (annual, by its first month). */
  periods: string[];
  /** Totals first, then each breakdown's members under the breakdown's name (`group`). */
  rows: { group: string | null; label: string; cells: (ReviewCell | null)[] }[];
}

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function periodLabel(datapoint: Datapoint): string {
  const start = new Date(datapoint.start_date);
  const year = start.getUTCFullYear();
  if (datapoint.frequency === 'MONTHLY') return `${MONTH_SHORT[start.getUTCMonth()]} ${year}`;
  return start.getUTCMonth() === 0 ? `${year}` : `FY ${year}-${String(year + 1).slice(2)}`;
}

interface RowKey {
  group: string | null;
  label: string;
}

const rowOf = (d: Datapoint): RowKey =>
  d.dimension_display_name === null
    ? { group: null, label: 'Total' }
    : { group: d.disaggregation_display_name, label: d.dimension_display_name };
const keyOf = (row: RowKey) => `${row.group ?? ''}|${row.label}`;

function metricTable(key: string, title: string, datapoints: Datapoint[]): UploadTable {
  const sorted = [...datapoints].sort((a, b) => Date.parse(a.start_date) - Date.parse(b.start_date));
  const periods = [...new Set(sorted.map(periodLabel))];
  const rowKeys = new Map(sorted.map((d) => [keyOf(rowOf(d)), rowOf(d)]));
  const ordered = [...rowKeys.values()].sort((a, b) => Number(a.group !== null) - Number(b.group !== null));
  const cell = new Map(
    sorted.map((d) => [`${keyOf(rowOf(d))}|${periodLabel(d)}`, { value: d.value, old: d.old_value }]),
  );
  const rows = ordered.map((row) => ({
    ...row,
    cells: periods.map((period) => cell.get(`${keyOf(row)}|${period}`) ?? null),
  }));
  return { key, title, periods, rows };
}

/** One table per metric (and per agency, for a superagency's upload) of the values the upload saved. */
export function reviewTables(result: UploadResultWire): UploadTable[] {
  const agencies = new Set(result.metrics.flatMap((m) => m.datapoints.map((d) => d.agency_name)));
  return result.metrics.flatMap((metric) => {
    const withValues = metric.datapoints.filter((d) => d.value !== null);
    const byAgency = new Map<string, Datapoint[]>();
    for (const d of withValues) byAgency.set(d.agency_name ?? '', [...(byAgency.get(d.agency_name ?? '') ?? []), d]);
    return [...byAgency].map(([agency, datapoints]) =>
      metricTable(
        `${metric.key}|${agency}`,
        agencies.size > 1 ? `${agency}: ${metric.display_name}` : metric.display_name,
        datapoints,
      ),
    );
  });
}

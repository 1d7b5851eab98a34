/**
 * Every error and warning an upload can report (the reference's seventeen, plus missing and
 * disabled metrics, duplicate columns and periods not over). Titles are the reference's, so the
 * upload screens and people's habits keep working; descriptions name the row, the value and the fix.
 */
export type MessageType = 'ERROR' | 'WARNING';

export interface UploadMessage {
  type: MessageType;
  title: string;
  description: string;
  subtitle: string | null;
  /** The metric the message is filed under; null for messages about the file itself. */
  metricKey: string | null;
  /** The canonical sheet the message is about; null for messages about a whole metric. */
  sheetName: string | null;
}

/** A message before it is filed under a metric and sheet. */
export type Problem = Pick<UploadMessage, 'type' | 'title' | 'description'>;

const error = (title: string, description: string): Problem => ({ type: 'ERROR', title, description });
const warning = (title: string, description: string): Problem => ({ type: 'WARNING', title, description });
const list = (items: readonly string[]) => items.join(', ');
const ANNUAL_NOTE =
  "Since the 'month' column is missing or empty, your data will be recorded with an annual reporting frequency. The 'month' column should include integers ranging from 1 to 12.";

export const messages = {
  invalidSheetNames: (names: readonly string[], valid: readonly string[]) =>
    error(
      'Invalid Sheet Name',
      `The following sheet names do not correspond to a metric for your agency: ${list(names)}. Valid options include ${list(valid)}.`,
    ),
  invalidCsvName: (name: string, valid: readonly string[]) =>
    error(
      'Invalid File Name for CSV',
      `The file name '${name}' does not correspond to a metric for your agency. For CSV uploads, the file name should exactly match one of the following options: ${list(valid)}.`,
    ),
  missingColumn: (column: string, found: readonly string[]) =>
    column === 'month'
      ? warning(`Missing 'month' Column`, `This sheet should contain a column named 'month'. ${ANNUAL_NOTE}`)
      : error(
          `Missing '${column}' Column`,
          `This sheet should contain a column named '${column}' populated with data. Only the following columns were found in the sheet: ${list(found) || 'none'}.`,
        ),
  emptyColumn: (column: string) =>
    column === 'month'
      ? warning(`Empty 'month' Column`, `No data was provided in the 'month' column for this metric. ${ANNUAL_NOTE}`)
      : error(`Empty '${column}' Column`, `No data was provided in the '${column}' column for this metric.`),
  unexpectedColumn: (column: string, expected: readonly string[], monthFilled: boolean) =>
    column === 'month'
      ? warning(
          `Unexpected 'month' Column`,
          `A 'month' column was found in your sheet, but this metric is reported annually. Only the following columns were expected in your sheet: ${list(expected)}.` +
            (monthFilled ? ' Since you provided month data, rows with a month will be saved as monthly data.' : ''),
        )
      : error(
          `Unexpected '${column}' Column`,
          `A '${column}' column was found in your sheet. Only the following columns were expected in your sheet: ${list(expected)}.`,
        ),
  duplicateColumn: (column: string) =>
    error(`Duplicate '${column}' Column`, `The sheet has more than one '${column}' column; keep only one.`),
  emptyCell: (row: number, column: string, rule: string) =>
    error(`Empty '${column}' Column Value`, `Row ${row}: The '${column}' column should contain a value. ${rule}`),
  invalidCell: (row: number, column: string, value: string, rule: string) =>
    error(
      `Invalid '${column}' Column Value`,
      `Row ${row}: The '${column}' column has an invalid value: ${value}. ${rule}`,
    ),
  tooManyRows: (period: string, rows: readonly number[]) =>
    error(
      'Too Many Rows',
      `There should only be a single row containing data for the time period ${period}. Rows ${list(rows.map(String))} all give data for it, so none of them was saved.`,
    ),
  systemNotRecognized: (value: string, valid: readonly string[]) =>
    error(
      'System Not Recognized',
      `"${value}" is not a valid value for the System column. The valid values for this column are ${list(valid)}.`,
    ),
  breakdownTotal: (description: string) => warning('Breakdown Total Warning', description),
  unexpectedError: (detail: string) =>
    error('Unexpected Error', `This sheet could not be processed and none of its data was saved (${detail}).`),
  missingMetric: (metricName: string, sheetName: string) =>
    warning(
      'Missing Metric',
      `${metricName} is turned on for your agency, but the upload has no data for it (expected a sheet named '${sheetName}'). Other metrics were saved.`,
    ),
  disabledMetric: (metricName: string) =>
    warning(
      'Disabled Metric',
      `${metricName} is turned off for your agency. The data from this sheet was saved, but it will not be shown on your dashboard until you turn the metric on in Metric Settings.`,
    ),
  periodNotOver: (metricName: string, periods: readonly string[]) =>
    warning(
      'Period Not Over',
      `${metricName}: figures for ${list(periods)} were saved, but ${periods.length === 1 ? 'that period has' : 'those periods have'} not ended yet, so they may still change. Check them before you publish, or publish once the period is over.`,
    ),
  moreOfTheSame: (count: number) =>
    warning(
      'More Messages',
      `${count.toLocaleString('en-US')} more message(s) like the ones above were left out; fix those and upload again to see the rest.`,
    ),
};

/** Rules quoted after a bad cell, telling what a good one looks like. */
export const cellRules = {
  year: (currentYear: number) =>
    `The year column should only contain integer values between 1600 and ${currentYear}, or a fiscal year such as 2022-2023.`,
  month: 'The month column should have either numbers between 1 and 12 or the name of the month (i.e January).',
  value:
    'The value column should contain a number of zero or more, such as 1200 or 1,200.50, without units or other text.',
  agency: (value: string) => `Your agency does not have permissions to report for ${value}.`,
  breakdown: (options: readonly string[]) => `Valid options for this column are: ${list(options)}.`,
  metric: (options: readonly string[]) =>
    `The metric in this row does not correspond to a metric for this agency. The valid values for this row are ${list(options)}.`,
  breakdownCategory: (options: readonly string[]) =>
    options.length === 0
      ? 'This metric has no breakdowns; leave breakdown_category empty.'
      : `The breakdown category does not correspond to the metric. Possible breakdown categories include: ${list(options)}.`,
  system: (options: readonly string[]) => `Each row should contain one of the following values: ${list(options)}.`,
};

/** Most messages of one kind kept per sheet; a file with a bad column in every row stays readable. */
export const MAX_MESSAGES_PER_KIND = 50;

/** Collects messages, keeping at most MAX_MESSAGES_PER_KIND of each title per metric and sheet. */
export class MessageLog {
  readonly all: UploadMessage[] = [];
  private readonly kinds = new Map<string, { count: number; metricKey: string | null; sheetName: string | null }>();

  private readonly seen = new Set<string>();

  /** Every distinct message filed, by type, including those left out of the list. */
  readonly totals = { errors: 0, warnings: 0 };

  /** Files a problem; the very same message twice (say, one bad system name on many rows) is kept once. */
  add(problem: Problem, metricKey: string | null, sheetName: string | null): void {
    const exact = JSON.stringify([metricKey, sheetName, problem.title, problem.description]);
    if (this.seen.has(exact)) return;
    this.seen.add(exact);
    if (problem.type === 'ERROR') this.totals.errors += 1;
    else this.totals.warnings += 1;
    const id = JSON.stringify([metricKey, sheetName, problem.title]);
    const kind = this.kinds.get(id) ?? { count: 0, metricKey, sheetName };
    kind.count += 1;
    this.kinds.set(id, kind);
    if (kind.count <= MAX_MESSAGES_PER_KIND) this.all.push({ ...problem, subtitle: null, metricKey, sheetName });
  }

  /** The messages, plus one "more messages" note per kind that overflowed. */
  list(): UploadMessage[] {
    const notes = [...this.kinds.values()]
      .filter(({ count }) => count > MAX_MESSAGES_PER_KIND)
      .map(({ count, metricKey, sheetName }) => ({
        ...messages.moreOfTheSame(count - MAX_MESSAGES_PER_KIND),
        subtitle: null,
        metricKey,
        sheetName,
      }));
    return [...this.all, ...notes];
  }
}

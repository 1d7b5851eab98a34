/**
 * Pure rules about records (reports): their periods, names, types, editors and versions.
 * Fiscal years: see docs/decisions.md "Fiscal-year records".
 */
import {
  addMonths,
  annualRangeEndingAt,
  firstOfMonth,
  monthName,
  parseIsoDate,
  reportDateRange,
  type DateRange,
  type ReportFrequency,
  type YearMonth,
} from '../../contract/report-periods.ts';
import { invalid } from '../errors.ts';

export { reportDateRange, type DateRange, type ReportFrequency };

export const REPORT_STATUSES = ['NOT_STARTED', 'DRAFT', 'PUBLISHED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MIN_REPORT_YEAR = 1970;
export const MAX_REPORT_YEAR = 2100;

/** A period in words: "March 2024", "calendar year 2023", "fiscal year July 2022 to June 2023". */
export function periodLabel(range: DateRange): string {
  const start = parseIsoDate(range.start);
  if (inferFrequency(range) === 'MONTHLY') return `${monthName(start.month)} ${start.year}`;
  if (start.month === 1) return `calendar year ${start.year}`;
  const last = addMonths(start, 11);
  return `fiscal year ${monthName(start.month)} ${start.year} to ${monthName(last.month)} ${last.year}`;
}

/** Checks the numbers a person typed for a new record. */
export function checkPeriod(year: number, month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid('month', `must be between 1 and 12 (got ${month})`);
  }
  if (!Number.isInteger(year) || year < MIN_REPORT_YEAR || year > MAX_REPORT_YEAR) {
    throw invalid('year', `must be between ${MIN_REPORT_YEAR} and ${MAX_REPORT_YEAR} (got ${year})`);
  }
}

/** The stored `instance` name: "03 2022 Metrics" or "2021 Annual Metrics", both by the start date. */
export function reportInstance(frequency: ReportFrequency, start: string): string {
  const { year, month } = parseIsoDate(start);
  return frequency === 'MONTHLY' ? `${String(month).padStart(2, '0')} ${year} Metrics` : `${year} Annual Metrics`;
}

/** MONTHLY when the range is one month, ANNUAL when it is twelve starting on the same month; else an error. */
export function inferFrequency(range: DateRange): ReportFrequency {
  const start = parseIsoDate(range.start);
  const end = parseIsoDate(range.end);
  const months = (end.year - start.year) * 12 + (end.month - start.month);
  if (months === 1) return 'MONTHLY';
  if (months === 12) return 'ANNUAL';
  throw new Error(`A record must span one month or twelve (got ${range.start} to ${range.end}).`);
}

/** How a record is shown on the wire: year and month of its first day (for annual records, the starting month). */
export function reportYearMonth(start: string): YearMonth {
  const { year, month } = parseIsoDate(start);
  return { year, month };
}

/**
 * The records a recurring run on `today` is responsible for: the month that has just ended, and
 * the twelve months that have just ended (a calendar year in January, a fiscal year in any other
 * month). Unlike the reference, the fiscal year is the one ending now, not the one a year earlier.
 */
export function recurringPeriods(today: string): {
  monthly: DateRange;
  annual: DateRange;
  annualStartingMonth: number;
} {
  const { year, month } = parseIsoDate(today);
  const previous = addMonths({ year, month }, -1);
  return {
    monthly: { start: firstOfMonth(previous), end: firstOfMonth({ year, month }) },
    annual: annualRangeEndingAt({ year, month }),
    annualStartingMonth: month,
  };
}

/**
 * True when the record changed after the client loaded it. `timeLoaded` is epoch seconds (the
 * version the client saw: its `last_modified_at_timestamp`, or the moment it loaded the page).
 */
export function changedSince(lastModifiedAt: Date | null, timeLoaded: number): boolean {
  if (!lastModifiedAt) return false;
  return lastModifiedAt.getTime() > Math.round(timeLoaded * 1000);
}

/** The calendar date (UTC) of an instant, as stored in `created_at` and `publish_date`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

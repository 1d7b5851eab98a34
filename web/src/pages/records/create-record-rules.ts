/** New Record: what the person chose, the request it makes, and the dates it will cover. */
import { lastDayOf, reportDateRange } from '@jc/server/contract';
import { longDate } from './record-names.ts';

export type YearStandard = 'CALENDAR' | 'FISCAL' | 'OTHER';

export interface RecordChoice {
  frequency: 'MONTHLY' | 'ANNUAL';
  /** The month of a monthly record. */
  month: number;
  yearStandard: YearStandard;
  /** For OTHER years: the last month of the year (any but June and December, which have their own choices). */
  endingMonth: number;
  /** The record's year; for fiscal and other years, the year it ends. */
  year: number;
}

/** `POST /api/reports` body: for annual records `month` is the first month of the year. */
export function recordRequest(choice: RecordChoice): { frequency: 'MONTHLY' | 'ANNUAL'; month: number; year: number } {
  if (choice.frequency === 'MONTHLY') return { frequency: 'MONTHLY', month: choice.month, year: choice.year };
  const firstMonth =
    choice.yearStandard === 'CALENDAR' ? 1 : choice.yearStandard === 'FISCAL' ? 7 : (choice.endingMonth % 12) + 1;
  return { frequency: 'ANNUAL', month: firstMonth, year: choice.year };
}

/** "March 1, 2024 – March 31, 2024": what the record will cover. */
export function recordPeriodPreview(choice: RecordChoice): string {
  const { frequency, month, year } = recordRequest(choice);
  const range = reportDateRange(frequency, year, month);
  return `${longDate(range.start)} – ${longDate(lastDayOf(range))}`;
}

/** Years offered: 1970 to next year, newest first. */
export function yearOptions(now: Date): number[] {
  const last = now.getUTCFullYear() + 1;
  return Array.from({ length: last - 1970 + 1 }, (_, i) => last - i);
}

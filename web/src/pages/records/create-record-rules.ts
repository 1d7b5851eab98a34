/**
 * New Record: what the person chose, the request it makes, the dates it will cover, and which
 * periods it may offer: only ones that have ended (by the server's date) and have no record yet.
 */
import {
  FIRST_RECORD_YEAR,
  hasEnded,
  lastDayOf,
  nextOpenPeriod,
  parseIsoDate,
  reportDateRange,
  type DateRange,
} from '@jc/server/contract';
import { longDate } from '../../rules/record-names.ts';

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

/** The period a choice makes. */
export function periodOf(choice: RecordChoice): DateRange {
  const { frequency, month, year } = recordRequest(choice);
  return reportDateRange(frequency, year, month);
}

/** The server's date and the periods that already have a record. */
export interface RecordCalendar {
  today: string;
  existing: readonly DateRange[];
}

export type PeriodState = 'open' | 'exists' | 'not-ended';

export function periodState(choice: RecordChoice, calendar: RecordCalendar): PeriodState {
  const range = periodOf(choice);
  if (!hasEnded(range, calendar.today)) return 'not-ended';
  const taken = calendar.existing.some((r) => r.start === range.start && r.end === range.end);
  return taken ? 'exists' : 'open';
}

/** The choice of the period starting on `first` (ISO date): its month, or its kind of year and the year it ends. */
export function choiceFor(frequency: RecordChoice['frequency'], first: string): RecordChoice {
  const start = parseIsoDate(first);
  const base = { frequency, month: start.month, yearStandard: 'CALENDAR' as YearStandard, endingMonth: 9 };
  if (frequency === 'MONTHLY' || start.month === 1) return { ...base, year: start.year };
  const yearStandard = start.month === 7 ? 'FISCAL' : 'OTHER';
  return { ...base, yearStandard, endingMonth: start.month === 7 ? 9 : start.month - 1, year: start.year + 1 };
}

/** Years offered: the server's current year back to 1970, newest first. */
export function yearOptions(today: string): number[] {
  const last = parseIsoDate(today).year;
  return Array.from({ length: last - FIRST_RECORD_YEAR + 1 }, (_, i) => last - i);
}

/**
 * The same kind of choice moved to a period New Record may offer, when it is not one: the latest
 * open month of the chosen year, or the latest open year of the chosen kind. Unchanged when there
 * is none (the form then says why it cannot create it).
 */
export function settle(choice: RecordChoice, calendar: RecordCalendar): RecordChoice {
  if (periodState(choice, calendar) === 'open') return choice;
  const candidates =
    choice.frequency === 'MONTHLY'
      ? Array.from({ length: 12 }, (_, i) => ({ ...choice, month: 12 - i }))
      : yearOptions(calendar.today).map((year) => ({ ...choice, year }));
  return candidates.find((candidate) => periodState(candidate, calendar) === 'open') ?? choice;
}

/**
 * Where New Record starts: the period asked for (a Home task card names one) when it is open,
 * else the most recent ended month with no record.
 */
export function initialChoice(calendar: RecordCalendar, asked: RecordChoice | null): RecordChoice {
  if (asked && periodState(asked, calendar) === 'open') return asked;
  const open = nextOpenPeriod('MONTHLY', calendar.today, calendar.existing);
  return choiceFor('MONTHLY', open?.start ?? `${parseIsoDate(calendar.today).year}-01-01`);
}

/**
 * The dates a record covers, shared by the server and the New Record form's live preview.
 * Dates are ISO strings `YYYY-MM-DD`; `end` is exclusive (the first day after the period).
 */
export type ReportFrequency = 'MONTHLY' | 'ANNUAL';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 'January' for 1; the number itself for anything outside 1–12. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

export interface DateRange {
  start: string;
  end: string;
}

export interface YearMonth {
  year: number;
  month: number;
}

export function firstOfMonth({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The month `count` months after (or, negative, before) the given one. */
export function addMonths({ year, month }: YearMonth, count: number): YearMonth {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function parseIsoDate(date: string): YearMonth & { day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
}

/** The twelve months that end just before the first of `end`: the year, calendar or fiscal, ending there. */
export function annualRangeEndingAt(end: YearMonth): DateRange {
  return { start: firstOfMonth({ year: end.year - 1, month: end.month }), end: firstOfMonth(end) };
}

/**
 * The period of `POST /api/reports {frequency, year, month}`:
 * - MONTHLY: that month;
 * - ANNUAL, month 1: calendar year `year`;
 * - ANNUAL, month ≠ 1: the fiscal year starting in `month` and ending in `year`
 *   (FY July 2022 – June 2023 is `{year: 2023, month: 7}`), as the reference's form sends it.
 */
export function reportDateRange(frequency: ReportFrequency, year: number, month: number): DateRange {
  if (frequency === 'MONTHLY') {
    return { start: firstOfMonth({ year, month }), end: firstOfMonth(addMonths({ year, month }, 1)) };
  }
  return annualRangeEndingAt({ year: month === 1 ? year + 1 : year, month });
}

/** The last day of a range (its exclusive end minus one day), for "March 1, 2024 – March 31, 2024". */
export function lastDayOf(range: DateRange): string {
  const end = new Date(`${range.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** A period has ended once `today` (ISO date) has reached its exclusive end. */
export function hasEnded(range: DateRange, today: string): boolean {
  return range.end <= today;
}

/**
 * The most recent period of this kind that has ended by `today`: last month for monthly records
 * (November in early December); for annual records the last twelve months starting in
 * `startingMonth` (1: the calendar year) that are over.
 */
export function latestEndedPeriod(frequency: ReportFrequency, today: string, startingMonth = 1): DateRange {
  const now = parseIsoDate(today);
  if (frequency === 'MONTHLY') return reportDateRange('MONTHLY', addMonths(now, -1).year, addMonths(now, -1).month);
  const endYear = now.month >= startingMonth ? now.year : now.year - 1;
  return annualRangeEndingAt({ year: endYear, month: startingMonth });
}

/** The period of the same kind just before `range` (a month, or twelve months, earlier). */
export function previousPeriod(range: DateRange): DateRange {
  const start = parseIsoDate(range.start);
  const end = parseIsoDate(range.end);
  const span = (end.year - start.year) * 12 + (end.month - start.month);
  return { start: firstOfMonth(addMonths(start, -span)), end: range.start };
}

/** The earliest year a record may cover. */
export const FIRST_RECORD_YEAR = 1970;

/**
 * What New Record suggests: the most recent ended period of this kind with no record yet, going
 * back from the latest one that has ended; null when every one since 1970 has a record.
 */
export function nextOpenPeriod(
  frequency: ReportFrequency,
  today: string,
  existing: readonly DateRange[],
  startingMonth = 1,
): DateRange | null {
  const taken = new Set(existing.map((range) => `${range.start}/${range.end}`));
  for (let range = latestEndedPeriod(frequency, today, startingMonth); ; range = previousPeriod(range)) {
    if (parseIsoDate(range.start).year < FIRST_RECORD_YEAR) return null;
    if (!taken.has(`${range.start}/${range.end}`)) return range;
  }
}

/** How records are named, dated and grouped on screen. Dates are handled in UTC throughout. */
import { monthName } from '@jc/server/contract';
import type { Editor, ReportOverview } from '@jc/server/contract';

type Period = Pick<ReportOverview, 'frequency' | 'year' | 'month'>;

/** "March 2024", "Annual Record CY2023" or "Annual Record FY2023-2024" (any start but January). */
export function recordTitle({ frequency, year, month }: Period): string {
  if (frequency === 'MONTHLY') return `${monthName(month)} ${year}`;
  return month === 1 ? `Annual Record CY${year}` : `Annual Record FY${year}-${year + 1}`;
}

/** "monthly", or "annually (July)" naming the month the year starts. */
export function frequencyLabel({ frequency, month }: Period): string {
  return frequency === 'MONTHLY' ? 'monthly' : `annually (${monthName(month)})`;
}

/** The year a record is listed under: the year it ends, for years that do not start in January. */
export function recordYear({ frequency, year, month }: Period): number {
  return frequency === 'ANNUAL' && month !== 1 ? year + 1 : year;
}

function utcDay(date: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
}

/** "March 5, 2024" from an ISO date or an RFC 1123 timestamp; "-" when there is none. */
export function longDate(date: string | null): string {
  if (!date) return '-';
  const day = utcDay(date);
  return `${monthName(day.getUTCMonth() + 1)} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}

/** "March 1, 2024 – March 31, 2024" (the end date is the day before the exclusive end). */
export function dateRangeLabel(record: Pick<ReportOverview, 'date_range_start' | 'date_range_end'>): string {
  const last = utcDay(record.date_range_end);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${longDate(record.date_range_start)} – ${longDate(last.toISOString().slice(0, 10))}`;
}

/** "today", "yesterday", "3 days ago", "2 months ago", "1 year ago". */
export function relativeDay(date: Date, now: Date): string {
  const dayOf = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const days = Math.round((dayOf(now) - dayOf(date)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  const [count, unit] =
    days < 31 ? [days, 'day'] : days < 365 ? [Math.floor(days / 30), 'month'] : [Math.floor(days / 365), 'year'];
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** Editors for display: repeated "JC Admin" entries shown once. */
export function distinctEditors(editors: readonly Editor[]): Editor[] {
  const shown: Editor[] = [];
  for (const editor of editors) {
    if (editor.name !== 'JC Admin' || !shown.some((e) => e.name === editor.name)) shown.push(editor);
  }
  return shown;
}

export interface YearGroup {
  year: number;
  records: ReportOverview[];
}

/** Newest year first; within a year annual records first, then months from December back. */
export function groupByYear(records: readonly ReportOverview[]): YearGroup[] {
  const years = [...new Set(records.map(recordYear))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    records: records
      .filter((r) => recordYear(r) === year)
      .sort((a, b) =>
        a.frequency !== b.frequency
          ? a.frequency === 'ANNUAL'
            ? -1
            : 1
          : b.date_range_start.localeCompare(a.date_range_start),
      ),
  }));
}

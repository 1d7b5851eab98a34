/**
 * Which records the Home page looks at (02-http-api §2.3): the latest monthly record, and for
 * each starting month the latest annual record (January for calendar years, July for a fiscal
 * year from July…). "Latest" is by the start of the period, as in the reference, but only among
 * periods that have ended: a record for this month (made by an upload, say) is not yet due.
 */
import { hasEnded } from '../../contract/report-periods.ts';
import { reportYearMonth } from '../reports/report-rules.ts';

export interface RecordPeriod {
  id: number;
  type: string;
  dateRangeStart: string;
  dateRangeEnd: string;
}

export interface LatestRecords<R extends RecordPeriod> {
  monthly: R | null;
  /** Starting month (1–12) → the latest annual record starting in that month. */
  annual: Map<number, R>;
}

const isLater = (a: RecordPeriod, b: RecordPeriod) =>
  a.dateRangeStart > b.dateRangeStart || (a.dateRangeStart === b.dateRangeStart && a.id > b.id);

/** @param today ISO date: records whose period ends after it are left out. */
export function latestRecords<R extends RecordPeriod>(records: readonly R[], today: string): LatestRecords<R> {
  let monthly: R | null = null;
  const annual = new Map<number, R>();
  for (const record of records) {
    if (!hasEnded({ start: record.dateRangeStart, end: record.dateRangeEnd }, today)) continue;
    if (record.type === 'MONTHLY') {
      if (!monthly || isLater(record, monthly)) monthly = record;
    } else if (record.type === 'ANNUAL') {
      const month = reportYearMonth(record.dateRangeStart).month;
      const current = annual.get(month);
      if (!current || isLater(record, current)) annual.set(month, record);
    }
  }
  return { monthly, annual };
}

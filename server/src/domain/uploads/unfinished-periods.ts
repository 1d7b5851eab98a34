/**
 * Figures for a period that has not ended yet (this month, this year) may still change, so an
 * upload that writes them says so, once per metric, before anyone publishes them.
 */
import { monthName, parseIsoDate, type DateRange } from '../../contract/report-periods.ts';
import type { PlannedValue } from './plan-upload.ts';
import { messages, type MessageLog } from './upload-messages.ts';

/** "December 2026" for a month; "January 2026 – December 2026" for a year. */
export function periodWords(range: DateRange, frequency: 'MONTHLY' | 'ANNUAL'): string {
  const start = parseIsoDate(range.start);
  const first = `${monthName(start.month)} ${start.year}`;
  if (frequency === 'MONTHLY') return first;
  const last = start.month === 1 ? { month: 12, year: start.year } : { month: start.month - 1, year: start.year + 1 };
  return `${first} – ${monthName(last.month)} ${last.year}`;
}

/** @param today ISO date; a period whose exclusive end lies after it has not ended. */
export function warnAboutUnfinishedPeriods(planned: Iterable<PlannedValue>, today: string, log: MessageLog): void {
  const periodsOf = new Map<string, { name: string; periods: Map<string, string> }>();
  for (const value of planned) {
    if (value.period.end <= today) continue;
    const entry = periodsOf.get(value.metric.key) ?? { name: value.metric.displayName, periods: new Map() };
    entry.periods.set(value.period.start + value.period.end, periodWords(value.period, value.period.frequency));
    periodsOf.set(value.metric.key, entry);
  }
  for (const [metricKey, { name, periods }] of periodsOf) {
    log.add(messages.periodNotOver(name, [...periods.values()]), metricKey, null);
  }
}

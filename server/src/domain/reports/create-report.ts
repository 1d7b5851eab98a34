/**
 * Agency admins create a monthly or annual record by hand (New Record), for a period that has
 * ended: figures for a month or year still under way are not final, so its record waits.
 */
import { and, eq } from 'drizzle-orm';
import { hasEnded, lastDayOf, monthName, parseIsoDate } from '../../contract/report-periods.ts';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import {
  checkPeriod,
  periodLabel,
  reportDateRange,
  reportInstance,
  utcDate,
  type DateRange,
  type ReportFrequency,
} from './report-rules.ts';
import { insertReports } from '../../db/queries/reports.ts';
import { summarize, type ReportSummary } from '../../db/queries/report-editors.ts';

export interface CreateReportInput {
  agencyId: number;
  frequency: ReportFrequency;
  /** For fiscal years (ANNUAL, month ≠ 1), the year the record ends. */
  year: number;
  /** The month (MONTHLY) or the first month of the year (ANNUAL). */
  month: number;
  now: Date;
}

export async function createReport(db: Executor, actor: Actor, input: CreateReportInput): Promise<ReportSummary> {
  const agency = await getAgencyForAction(db, actor, 'reports.create', input.agencyId);
  checkPeriod(input.year, input.month);
  const range = reportDateRange(input.frequency, input.year, input.month);
  if (!hasEnded(range, utcDate(input.now))) throw notEndedYet(range);
  const [created] = await insertReports(db, [
    {
      sourceId: agency.id,
      type: input.frequency,
      instance: reportInstance(input.frequency, range.start),
      createdAt: utcDate(input.now),
      status: 'NOT_STARTED',
      dateRangeStart: range.start,
      dateRangeEnd: range.end,
      lastModifiedAt: input.now,
      modifiedBy: actor.userId === null ? [] : [actor.userId],
    },
  ]);
  if (!created) {
    const [existing] = await db
      .select({ id: report.id })
      .from(report)
      .where(
        and(eq(report.sourceId, agency.id), eq(report.dateRangeStart, range.start), eq(report.dateRangeEnd, range.end)),
      );
    throw new DomainError(
      'conflict',
      `A record for ${periodLabel(range)} already exists${existing ? ` (record ${existing.id})` : ''}; open it from the records list instead.`,
    );
  }
  const [summary] = await summarize(db, actor, agency, [created]);
  return summary!;
}

/** "December 31, 2026". */
function longDay(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${monthName(month)} ${day}, ${year}`;
}

function notEndedYet(range: DateRange): DomainError {
  const label = periodLabel(range);
  const message = `${label[0]!.toUpperCase()}${label.slice(1)} has not ended yet (it ends on ${longDay(lastDayOf(range))}); its record can be created from ${longDay(range.end)}.`;
  return new DomainError('invalid_input', message, [{ field: 'year', message }]);
}

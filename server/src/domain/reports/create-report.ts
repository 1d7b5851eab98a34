/** Agency admins create a monthly or annual record by hand (New Record). */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { summarize, type ReportSummary } from './find-agency-reports.ts';
import {
  checkPeriod,
  periodLabel,
  reportDateRange,
  reportInstance,
  utcDate,
  type ReportFrequency,
} from './report-rules.ts';

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
  const [created] = await db
    .insert(report)
    .values({
      sourceId: agency.id,
      type: input.frequency,
      instance: reportInstance(input.frequency, range.start),
      createdAt: utcDate(input.now),
      status: 'NOT_STARTED',
      dateRangeStart: range.start,
      dateRangeEnd: range.end,
      lastModifiedAt: input.now,
      modifiedBy: actor.userId === null ? [] : [actor.userId],
    })
    .onConflictDoNothing()
    .returning();
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

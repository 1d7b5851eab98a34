/** The scheduled run of `createRecurringReports`: once per calendar month across all instances. */
import type { Executor } from '../db/database.ts';
import { runOncePerPeriod, type JobOutcome } from '../db/queries/job-runs.ts';
import { createRecurringReports, type CreatedReport } from '../domain/reports/create-recurring-reports.ts';
import { utcDate } from '../domain/reports/report-rules.ts';

export const RECURRING_REPORTS_JOB = 'create-recurring-reports';

export async function runRecurringReportsJob(db: Executor, now: Date): Promise<JobOutcome<CreatedReport[]>> {
  const today = utcDate(now);
  const claim = { name: RECURRING_REPORTS_JOB, periodKey: today.slice(0, 7), now };
  return runOncePerPeriod(db, claim, (tx) => createRecurringReports(tx, { today }));
}

/** Once a day across all instances: delete security events older than the retention period. */
import type { Executor } from '../db/database.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import { purgeSecurityEvents } from '../domain/security-events/purge-security-events.ts';
import { runOncePerPeriod, type JobOutcome } from '../db/queries/job-runs.ts';

export const PURGE_SECURITY_EVENTS_JOB = 'purge-security-events';

export function runSecurityEventsPurgeJob(
  db: Executor,
  input: { now: Date; retentionDays: number },
): Promise<JobOutcome<{ events: number; counters: number }>> {
  const claim = { name: PURGE_SECURITY_EVENTS_JOB, periodKey: utcDate(input.now), now: input.now };
  return runOncePerPeriod(db, claim, (tx) => purgeSecurityEvents(tx, input));
}

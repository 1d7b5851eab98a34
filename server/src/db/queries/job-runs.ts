/**
 * "Once per period, across every server instance": a job claims (job name, period) by inserting a
 * `job_run` row in the same transaction as its work. A second instance's insert waits on the
 * unique key until the first commits, then finds the period taken; if the first fails, its claim
 * rolls back with its work and the next attempt runs the period again.
 */
import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../database.ts';
import { jobRun } from '../schema.ts';

export type JobOutcome<T> = { ran: true; result: T } | { ran: false };

export async function runOncePerPeriod<T>(
  db: Executor,
  job: { name: string; periodKey: string; now: Date },
  work: (tx: Tx) => Promise<T>,
): Promise<JobOutcome<T>> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .insert(jobRun)
      .values({ jobName: job.name, periodKey: job.periodKey, startedAt: job.now })
      .onConflictDoNothing()
      .returning({ id: jobRun.id });
    if (!claim) return { ran: false };
    const result = await work(tx);
    await tx.update(jobRun).set({ finishedAt: new Date() }).where(eq(jobRun.id, claim.id));
    return { ran: true, result };
  });
}

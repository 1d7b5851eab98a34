/**
 * An asynchronous upload's status, for whoever may see the agency's uploads. A job abandoned by
 * its instance is marked failed here, by whichever instance is asked first.
 */
import { and, eq, getTableColumns, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source, uploadJob } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertCan, isMember, type AgencyAction } from '../permissions.ts';
import { ABANDONED, isAbandoned, type UploadJobRow } from './upload-job-rules.ts';

export async function getUploadJobForAction(
  db: Executor,
  actor: Actor,
  action: AgencyAction,
  jobId: number,
): Promise<UploadJobRow> {
  const [row] = await db
    .select({ job: getTableColumns(uploadJob), agency: { id: source.id, superAgencyId: source.superAgencyId } })
    .from(uploadJob)
    .innerJoin(source, eq(source.id, uploadJob.agencyId))
    .where(eq(uploadJob.id, jobId));
  if (!row || !isMember(actor, row.agency)) throw notFound(`Upload ${jobId}`);
  assertCan(actor, action, row.agency);
  return row.job;
}

export interface GetUploadJobInput {
  jobId: number;
  now: Date;
  /** How long a job may go without a heartbeat before it counts as abandoned. */
  staleAfterMs: number;
}

export async function getUploadJob(db: Executor, actor: Actor, input: GetUploadJobInput): Promise<UploadJobRow> {
  const job = await getUploadJobForAction(db, actor, 'uploads.view', input.jobId);
  if (!isAbandoned(job, input.now, input.staleAfterMs)) return job;
  // Only if it is still abandoned: a heartbeat or the end may have come in meanwhile.
  const [failed] = await db
    .update(uploadJob)
    .set({ state: 'FAILED', failureCode: 'server_error', failure: ABANDONED, finishedAt: input.now })
    .where(
      and(
        eq(uploadJob.id, job.id),
        inArray(uploadJob.state, ['READING', 'WRITING']),
        lt(uploadJob.heartbeatAt, new Date(input.now.getTime() - input.staleAfterMs)),
      ),
    )
    .returning();
  return failed ?? (await getUploadJobForAction(db, actor, 'uploads.view', input.jobId));
}

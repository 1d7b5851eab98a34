/**
 * The working instance's report on a job: how far it has got, and that it is still alive (the
 * heartbeat). Written outside the upload's transaction, so other instances see it as it happens;
 * a job already finished (or failed as abandoned) is left as it is.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { uploadJob } from '../../db/schema.ts';
import { percentDone, type UploadProgress } from './upload-progress.ts';
import { progressColumns } from './upload-job-rules.ts';

export interface UploadProgressInput {
  jobId: number;
  instanceId: string;
  /** The latest progress; undefined before the first report (a heartbeat only). */
  progress: UploadProgress | undefined;
  now: Date;
}

export async function recordUploadProgress(db: Executor, input: UploadProgressInput): Promise<void> {
  const { progress } = input;
  const reported = progress ? { ...progressColumns(progress), percent: percentDone(progress) } : {};
  await db
    .update(uploadJob)
    .set({ ...reported, heartbeatAt: input.now })
    .where(
      and(
        eq(uploadJob.id, input.jobId),
        eq(uploadJob.instanceId, input.instanceId),
        inArray(uploadJob.state, ['READING', 'WRITING']),
      ),
    );
}

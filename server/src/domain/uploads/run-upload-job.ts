/**
 * Works through an accepted asynchronous upload: the same reading, checks and transaction as the
 * synchronous upload, and in that transaction the job is marked done with the stored result. So a
 * job is DONE exactly when its values are saved; a refusal or a failure marks it FAILED with the
 * words the synchronous answer would have given, and nothing of the file is saved.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { uploadJob } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { prepareUpload, uploadToWrite, type UploadSpreadsheetInput } from './upload-spreadsheet.ts';
import { writeUpload } from './write-upload.ts';
import { ABANDONED, UNEXPECTED, type UploadJobRow } from './upload-job-rules.ts';

export interface RunUploadJobInput extends UploadSpreadsheetInput {
  jobId: number;
}

/**
 * When the job ended, long after the `now` it was accepted at: the database's clock stamps it
 * (the moment the statement runs), since the domain reads no clock of its own.
 */
const endedAt = sql`clock_timestamp()`;

const unfinished = (jobId: number) => and(eq(uploadJob.id, jobId), inArray(uploadJob.state, ['READING', 'WRITING']));

async function failUploadJob(db: Executor, jobId: number, error: unknown): Promise<void> {
  const known = error instanceof DomainError;
  await db
    .update(uploadJob)
    .set({
      state: 'FAILED',
      failureCode: known ? error.code : 'server_error',
      failure: known ? error.message : UNEXPECTED,
      finishedAt: endedAt,
    })
    .where(unfinished(jobId));
}

/** Runs the job to its end; throws only what is not a refusal (after marking the job failed). */
export async function runUploadJob(db: Executor, actor: Actor, input: RunUploadJobInput): Promise<UploadJobRow> {
  try {
    const prepared = await prepareUpload(db, actor, input);
    const { fileCounts, planned } = prepared;
    return await db.transaction(async (tx) => {
      const result = await writeUpload(tx, actor, uploadToWrite(input, prepared));
      const [done] = await tx
        .update(uploadJob)
        .set({
          state: 'DONE',
          percent: 100,
          rowsRead: fileCounts.read,
          rowsToWrite: planned.length,
          rowsWritten: planned.length,
          errors: fileCounts.errors,
          warnings: fileCounts.warnings,
          spreadsheetId: result.spreadsheetId,
          finishedAt: endedAt,
        })
        .where(unfinished(input.jobId))
        .returning();
      // Another instance took this job for abandoned and told the uploader nothing was saved: make it so.
      if (!done) throw new DomainError('conflict', ABANDONED);
      return done;
    });
  } catch (error) {
    await failUploadJob(db, input.jobId, error);
    if (error instanceof DomainError) {
      const [failed] = await db.select().from(uploadJob).where(eq(uploadJob.id, input.jobId));
      return failed!;
    }
    throw error;
  }
}

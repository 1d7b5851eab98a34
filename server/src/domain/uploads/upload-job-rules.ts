/**
 * Rules of an asynchronous upload's status: when a job counts as abandoned, and the words for the
 * ways it can fail that are not about the file itself.
 */
import type { uploadJob } from '../../db/schema.ts';
import type { UploadProgress } from './upload-progress.ts';

export type UploadJobRow = typeof uploadJob.$inferSelect;
export type UploadJobState = UploadJobRow['state'];

export const isFinished = (state: UploadJobState) => state === 'DONE' || state === 'FAILED';

/**
 * A job still reading or writing whose instance has not touched it for `staleAfterMs`: that
 * instance stopped (crashed, killed, restarted), and its write transaction with it.
 */
export function isAbandoned(job: UploadJobRow, now: Date, staleAfterMs: number): boolean {
  return !isFinished(job.state) && now.getTime() - job.heartbeatAt.getTime() > staleAfterMs;
}

export const ABANDONED =
  'The server saving this upload stopped before it finished, so nothing from the file was saved. Upload the file again.';

export const UNEXPECTED =
  'Something went wrong while saving this upload, so nothing from the file was saved. Upload the file again; if it fails again, contact Justice Counts support.';

/** The columns a progress report sets. */
export function progressColumns(progress: UploadProgress) {
  if (progress.phase === 'reading') return { state: 'READING' as const, rowsRead: progress.rowsRead };
  const { rowsRead, rowsToWrite, rowsWritten, errors, warnings } = progress;
  return { state: 'WRITING' as const, rowsRead, rowsToWrite, rowsWritten, errors, warnings };
}

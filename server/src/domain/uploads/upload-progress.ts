/**
 * How far an upload has got while it runs: first reading and checking the file, then writing its
 * values. The asynchronous upload keeps it in its status resource, `jc import` draws it.
 */
export type UploadProgress =
  | { phase: 'reading'; rowsRead: number; shareRead: number }
  | {
      phase: 'writing';
      rowsRead: number;
      rowsToWrite: number;
      rowsWritten: number;
      errors: number;
      warnings: number;
    };

export type ProgressListener = (progress: UploadProgress) => void;

/**
 * Percent done: reading is the first half, writing the second. Never 100 before the upload is
 * saved, because the last step (commit) still lies ahead.
 */
export function percentDone(progress: UploadProgress): number {
  if (progress.phase === 'reading') return Math.floor(50 * Math.min(1, progress.shareRead));
  const written = progress.rowsToWrite === 0 ? 1 : progress.rowsWritten / progress.rowsToWrite;
  return Math.min(99, 50 + Math.floor(50 * written));
}

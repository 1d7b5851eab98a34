/**
 * `jc import`'s progress: one line with a bar each time the upload passes another tenth, so the
 * terminal (or a log file) shows it moving without redrawing.
 */
import { percentDone, type UploadProgress } from '../domain/uploads/upload-progress.ts';

const WIDTH = 20;
const count = (n: number) => n.toLocaleString('en-US');

export function progressLine(progress: UploadProgress): string {
  const percent = percentDone(progress);
  const filled = Math.floor((percent / 100) * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%`;
  if (progress.phase === 'reading') return `${bar}  reading: ${count(progress.rowsRead)} rows read`;
  return `${bar}  saving: ${count(progress.rowsWritten)} of ${count(progress.rowsToWrite)} values written`;
}

/** A listener that writes a line whenever the upload reaches a new tenth. */
export function progressPrinter(write: (line: string) => void): (progress: UploadProgress) => void {
  let shown = -1;
  return (progress) => {
    const tenth = Math.floor(percentDone(progress) / 10);
    if (tenth <= shown) return;
    shown = tenth;
    write(progressLine(progress));
  };
}

/**
 * The worker thread that reads and checks uploads (check-upload-in-worker.ts starts it): it tells
 * how far reading has got as it goes, and answers with the checked upload and the file's bytes, or
 * with the refusal the upload would get (a DomainError does not survive the trip between threads,
 * so it goes as data).
 */
import { getHeapStatistics } from 'node:v8';
import { serveWorkerTasks } from '../../lib/worker-pool.ts';
import { DomainError, type ErrorCode, type FieldProblem } from '../errors.ts';
import { checkUpload, type UploadToCheck } from './check-upload.ts';
import type { PlannedColumns } from './planned-values.ts';
import type { UploadMessage } from './upload-messages.ts';
import type { FileCounts } from './upload-result.ts';

/** Reading progress: data rows so far and the share of the file read. */
export interface ReadEvent {
  rowsRead: number;
  shareRead: number;
}

export type CheckAnswer =
  | { checked: { content: Uint8Array; planned: PlannedColumns; messages: UploadMessage[]; fileCounts: FileCounts } }
  | { refusal: { code: ErrorCode; message: string; details?: FieldProblem[] } };

/**
 * A worker whose heap grew by more than this while checking files stops once it has answered: V8
 * keeps a grown heap, which would add to the memory the main thread needs to write the file. After
 * small files the worker stays, ready for the next upload.
 */
const KEEP_GROWTH_BYTES = 32 * 1024 * 1024;
/** The heap with the worker's modules loaded, before any file. */
const startHeapBytes = getHeapStatistics().total_heap_size;

serveWorkerTasks<UploadToCheck, ReadEvent, CheckAnswer>(async (task, emit) => {
  try {
    const checked = await checkUpload(task, (rowsRead, shareRead) => emit({ rowsRead, shareRead }));
    return {
      // The file goes back too: it came over moved, not copied, and is stored with the upload.
      value: { checked: { ...checked, content: task.content, planned: checked.planned.columns } },
      transfer: [task.content.buffer as ArrayBuffer, ...checked.planned.transferList()],
      retire: getHeapStatistics().total_heap_size - startHeapBytes > KEEP_GROWTH_BYTES,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A refused file may have grown this worker's memory up to a limit: the next upload gets a fresh worker.
    const refusal = { code: error.code, message: error.message, details: error.details };
    return { value: { refusal }, retire: true };
  }
});

/**
 * Reading and checking an upload, from the file's bytes to the values to write: all of it that
 * needs no database. It runs in a worker thread (check-upload-worker.ts), so nothing it imports may
 * open the database, and what it takes and gives is plain data that can be posted between threads.
 */
import { planUpload } from './plan-upload.ts';
import { PlannedValues } from './planned-values.ts';
import { readUploadFile } from './read-upload-file.ts';
import type { ReadListener } from './raw-upload.ts';
import { agencyName, type UploadContext } from './upload-context.ts';
import type { UploadMessage } from './upload-messages.ts';
import type { FileCounts } from './upload-result.ts';
import { warnAboutUnfinishedPeriods } from './unfinished-periods.ts';
import { validateUpload } from './validate-upload.ts';

export interface UploadToCheck {
  fileName: string;
  /** The file's bytes (a Buffer arrives in a worker as a plain Uint8Array). */
  content: Uint8Array;
  context: UploadContext;
}

/** A checked upload: the values to save and every message. */
export interface CheckedUpload {
  /** The file's bytes, to store with the upload. */
  content: Buffer;
  planned: PlannedValues;
  messages: UploadMessage[];
  /** Rows read and left blank, and messages filed, for the result's summary. */
  fileCounts: FileCounts;
}

export async function checkUpload(task: UploadToCheck, onRead?: ReadListener): Promise<CheckedUpload> {
  const { context } = task;
  const content = Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
  const upload = await readUploadFile(task.fileName, content, onRead);
  const validated = await validateUpload(context, upload);
  const label = (agencyId: number) => (context.children.length > 1 ? agencyName(context, agencyId) : null);
  const planned = planUpload(validated.rows, validated.messages, label);
  warnAboutUnfinishedPeriods(planned, context.today, validated.messages);
  return {
    content,
    planned: PlannedValues.pack(planned),
    messages: validated.messages.list(),
    fileCounts: { ...validated.counts, ...validated.messages.totals },
  };
}

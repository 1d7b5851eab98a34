/**
 * Reads and checks an upload in a worker thread, so that the event loop keeps answering other
 * requests meanwhile: the synchronous upload, the asynchronous job and `jc import` all come here
 * (through prepareUpload). The pool has a worker per core at most; workers start when an upload
 * needs one and stop after a while without work.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool, type WorkerPoolOptions } from '../../lib/worker-pool.ts';
import { DomainError } from '../errors.ts';
import type { CheckedUpload, UploadToCheck } from './check-upload.ts';
import type { CheckAnswer, ReadEvent } from './check-upload-worker.ts';
import { PlannedValues } from './planned-values.ts';
import type { ReadListener } from './raw-upload.ts';

/**
 * Set by the bundles (scripts/server-bundle.mjs, server/build/release.ts): the file name of the
 * bundled worker, which lies beside the bundle that starts it.
 */
declare const JC_UPLOAD_WORKER: string | undefined;

/** How long an idle worker waits for the next upload before it stops and frees its memory. */
const IDLE_MS = 30_000;

/**
 * A worker's heap limit. V8 lets a heap grow further past what it holds the larger its limit is:
 * with node's default of several GB, a worker checking 248,010 rows grew to about 4 times the
 * memory it used; with 1 GB it stays nearer (docs/performance.md). A file within the upload
 * limits holds far less; one that did not would end its worker, not the server.
 */
const WORKER_HEAP_MB = 1024;

function workerModule(): Pick<WorkerPoolOptions, 'url' | 'workerData'> {
  if (typeof JC_UPLOAD_WORKER === 'string') {
    // The bundles rewrite import.meta.url to the source file's place; import.meta.dirname stays the bundle's folder.
    return { url: pathToFileURL(path.join(import.meta.dirname, JC_UPLOAD_WORKER)) };
  }
  // Run from the TypeScript sources (tests, `npm run jc`): tsx compiles the worker's modules too.
  const typescriptModule = new URL('./check-upload-worker.ts', import.meta.url).href;
  return { url: new URL('../../lib/typescript-worker.mjs', import.meta.url), workerData: { typescriptModule } };
}

let pool: WorkerPool<UploadToCheck, ReadEvent, CheckAnswer> | undefined;

/** The file's bytes in an ArrayBuffer of their own, which can be moved to the worker without a copy. */
function ownBytes(content: Uint8Array): Uint8Array {
  const owned = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
  return owned ? content : new Uint8Array(content);
}

/**
 * Checks the upload in a worker. The file moves there and back instead of being copied, so the
 * caller's `task.content` is left empty: use the checked upload's `content`.
 */
export async function checkUploadInWorker(task: UploadToCheck, onRead?: ReadListener): Promise<CheckedUpload> {
  pool ??= new WorkerPool({
    ...workerModule(),
    size: Math.max(1, availableParallelism()),
    idleMs: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const content = ownBytes(task.content);
  const moved = { ...task, content };
  const answer = await pool.run(moved, (event) => onRead?.(event.rowsRead, event.shareRead), [
    content.buffer as ArrayBuffer,
  ]);
  if ('refusal' in answer) {
    const { code, message, details } = answer.refusal;
    throw new DomainError(code, message, details);
  }
  const bytes = answer.checked.content;
  return {
    ...answer.checked,
    content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    planned: new PlannedValues(answer.checked.planned),
  };
}

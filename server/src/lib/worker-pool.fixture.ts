/** A worker for worker-pool.test.ts: counts up to `count` as events, then answers with its thread id. */
import { threadId } from 'node:worker_threads';
import { serveWorkerTasks } from './worker-pool.ts';

export interface CountTask {
  count: number;
  /** Throws instead of answering, as a worker with a bug would. */
  fail?: boolean;
  /** Asks the pool to stop this worker after its answer. */
  retire?: boolean;
}

serveWorkerTasks<CountTask, number, { threadId: number }>(async (task, emit) => {
  if (task.fail) throw new Error('asked to fail');
  for (let step = 1; step <= task.count; step += 1) emit(step);
  return { value: { threadId }, retire: task.retire };
});

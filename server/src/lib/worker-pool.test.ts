import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { CountTask } from './worker-pool.fixture.ts';
import { WorkerPool } from './worker-pool.ts';

const typescriptModule = new URL('./worker-pool.fixture.ts', import.meta.url).href;
const pool = new WorkerPool<CountTask, number, { threadId: number }>({
  url: new URL('./typescript-worker.mjs', import.meta.url),
  workerData: { typescriptModule },
  size: 1,
  idleMs: 60_000,
});
afterAll(() => pool.close());

describe('WorkerPool', () => {
  it('runs a task in another thread, passing on its events in order, then its value', async () => {
    const events: number[] = [];
    const answer = await pool.run({ count: 3 }, (event) => events.push(event));
    expect(events).toEqual([1, 2, 3]);
    expect(answer.threadId).not.toBe(threadId);
  }, 60_000);

  it('makes tasks beyond its size wait their turn on the same worker', async () => {
    const [first, second] = await Promise.all([pool.run({ count: 1 }, () => {}), pool.run({ count: 2 }, () => {})]);
    expect(second.threadId).toBe(first.threadId);
  }, 60_000);

  it('stops a worker that retires after its answer, and gives the next task a new worker', async () => {
    const retired = await pool.run({ count: 0, retire: true }, () => {});
    const after = await pool.run({ count: 0 }, () => {});
    expect(after.threadId).not.toBe(retired.threadId);
  }, 60_000);

  it('fails the task of a worker that throws, and gives the next task a new worker', async () => {
    const before = await pool.run({ count: 0 }, () => {});
    await expect(pool.run({ count: 0, fail: true }, () => {})).rejects.toThrow('asked to fail');
    const after = await pool.run({ count: 0 }, () => {});
    expect(after.threadId).not.toBe(before.threadId);
  }, 60_000);
});

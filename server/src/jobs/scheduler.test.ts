import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler, type ScheduledJob } from './scheduler.ts';

function recordingLog() {
  const lines: string[] = [];
  return { lines, info: (text: string) => lines.push(text), error: (_: object, text: string) => lines.push(text) };
}

const clock = { now: () => new Date('2024-07-01T00:00:00Z') };

describe('startScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs every job at once and again each interval, logging what each did', async () => {
    vi.useFakeTimers();
    const runs: Date[] = [];
    const job: ScheduledJob = {
      name: 'count',
      run: async (now) => {
        runs.push(now);
        return `run ${runs.length}`;
      },
    };
    const log = recordingLog();
    const scheduler = startScheduler({ jobs: [job], clock, log, intervalMs: 20 });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.lines).toEqual(['job count: run 1']);
    await vi.advanceTimersByTimeAsync(45);
    expect(log.lines).toEqual(['job count: run 1', 'job count: run 2', 'job count: run 3']);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(3);
    expect(runs[0]).toEqual(clock.now());
  });

  it('logs a failing job and goes on with the others', async () => {
    const failing: ScheduledJob = { name: 'broken', run: () => Promise.reject(new Error('database away')) };
    const fine: ScheduledJob = { name: 'fine', run: async () => 'ok' };
    const log = recordingLog();
    const scheduler = startScheduler({ jobs: [failing, fine], clock, log });
    await scheduler.stop();
    expect(log.lines).toEqual(['job broken failed; it will be retried next hour', 'job fine: ok']);
  });
});

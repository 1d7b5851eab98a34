import { describe, expect, it } from 'vitest';
import { startScheduler, type ScheduledJob } from './scheduler.ts';

function recordingLog() {
  const lines: string[] = [];
  return { lines, info: (text: string) => lines.push(text), error: (_: object, text: string) => lines.push(text) };
}

const clock = { now: () => new Date('2024-07-01T00:00:00Z') };

describe('startScheduler', () => {
  it('runs every job at once and again each interval, logging what each did', async () => {
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
    await new Promise((resolve) => setTimeout(resolve, 70));
    await scheduler.stop();
    const count = runs.length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(runs[0]).toEqual(clock.now());
    expect(log.lines[0]).toBe('job count: run 1');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(runs).toHaveLength(count);
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

/**
 * Every server process polls for agencies whose public figures a save has asked to recompute
 * (domain/public-data/refresh-public-figures.ts). Polling rather than LISTEN: the request is a row
 * committed with the save, so one left by a process that stopped is still found, and the embedded
 * engine has no second connection to listen on.
 */
import type { Executor } from '../db/database.ts';
import { refreshPublicFigures } from '../domain/public-data/refresh-public-figures.ts';
import type { Clock } from '../ports.ts';
import type { JobLog, Scheduler } from './scheduler.ts';

/** How stale a dashboard can be after a save of a published record, at most (plus the refresh itself). */
export const PUBLIC_REFRESH_INTERVAL_MS = 1_000;

export function startPublicRefresh(options: {
  db: Executor;
  clock: Clock;
  log: JobLog;
  intervalMs?: number;
}): Scheduler {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        await refreshPublicFigures(options.db, { now: options.clock.now() });
      } catch (error) {
        options.log.error({ err: error }, 'refreshing public figures failed; retrying');
      }
    });
  };
  const timer = setInterval(tick, options.intervalMs ?? PUBLIC_REFRESH_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

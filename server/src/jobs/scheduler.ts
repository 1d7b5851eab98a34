/**
 * Runs the server's periodic jobs in-process: each once at start-up and then every hour. Jobs
 * guard themselves against running twice (db/queries/job-runs.ts), so every instance can run a scheduler.
 */
import type { Executor } from '../db/database.ts';
import type { Clock, Mailer } from '../ports.ts';
import { runRecurringReportsJob } from './create-recurring-reports.ts';
import { runReminderEmailsJob } from './send-reminder-emails.ts';
import { runSecurityEventsPurgeJob } from './purge-security-events.ts';

export const HOUR_MS = 60 * 60 * 1000;

export interface ScheduledJob {
  name: string;
  run(now: Date): Promise<string>;
}

/** Where the scheduler reports; the server's logger fits. */
export interface JobLog {
  info(message: string): void;
  error(details: object, message: string): void;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** The jobs `npm start` schedules. */
export function serverJobs({
  db,
  mailer,
  publicUrl,
  securityEventRetentionDays,
}: {
  db: Executor;
  mailer: Mailer;
  publicUrl: string;
  securityEventRetentionDays: number;
}): ScheduledJob[] {
  return [
    {
      name: 'create-recurring-reports',
      run: async (now) => {
        const outcome = await runRecurringReportsJob(db, now);
        return outcome.ran ? `created ${outcome.result.length} records` : 'already done for this month';
      },
    },
    {
      name: 'send-reminder-emails',
      run: async (now) => {
        const outcome = await runReminderEmailsJob(db, mailer, { now, publicUrl });
        if (!outcome.ran) return 'already done today';
        const failures = outcome.failed.length > 0 ? `; could not send to ${outcome.failed.join(', ')}` : '';
        return `sent ${outcome.sent} reminder emails${failures}`;
      },
    },
    {
      name: 'purge-security-events',
      run: async (now) => {
        const outcome = await runSecurityEventsPurgeJob(db, { now, retentionDays: securityEventRetentionDays });
        return outcome.ran ? `deleted ${outcome.result.events} security events past retention` : 'already done today';
      },
    },
  ];
}

export function startScheduler(options: {
  jobs: readonly ScheduledJob[];
  clock: Clock;
  log: JobLog;
  intervalMs?: number;
  /** Counts runs and failures per job (metrics.ts). */
  onRun?: (job: string, ok: boolean) => void;
}): Scheduler {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      for (const job of options.jobs) {
        try {
          options.log.info(`job ${job.name}: ${await job.run(options.clock.now())}`);
          options.onRun?.(job.name, true);
        } catch (error) {
          options.log.error({ err: error }, `job ${job.name} failed; it will be retried next hour`);
          options.onRun?.(job.name, false);
        }
      }
    });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? HOUR_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

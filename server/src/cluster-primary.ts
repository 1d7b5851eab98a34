/**
 * Several server processes on one machine (WEB_CONCURRENCY above 1, PostgreSQL only): this primary
 * process migrates the database once, forks the workers, which share the port (node:cluster hands
 * connections out in turn), tells exactly one of them to run the scheduler, serves /metrics as
 * the sum of theirs, replaces a worker that dies and stops them all on SIGINT or SIGTERM.
 * Sessions, rate limits and job claims live in PostgreSQL, so any worker can answer any request.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './db/open-configured.ts';
import { workersMetrics } from './metrics/cluster-metrics.ts';
import { startMetricsServer } from './metrics/metrics-server.ts';
import { appVersion } from './version.ts';

/** Sent by the primary to the one worker that runs the scheduled jobs. */
export const SCHEDULER_MESSAGE = 'jc:run-scheduler';
/** Workers stop within their own 8 s; the primary waits a little longer before giving up on them. */
const STOP_TIMEOUT_MS = 9_000;

/** Asks every worker to stop and waits until they have. */
async function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const exits = workers.map((w) => new Promise((resolve) => w.once('exit', resolve)));
  for (const worker of workers) worker.process.kill('SIGTERM');
  await Promise.all(exits);
}

export async function runClusterPrimary(config: Config): Promise<void> {
  const opened = await openConfiguredDatabase(config, 'server');
  await opened.close();
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsServer(workersMetrics(), config.metricsPort, config.host);

  let scheduler: Worker | undefined;
  let stopping = false;
  const listened = new WeakSet<Worker>();
  cluster.on('listening', (worker) => listened.add(worker));
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      if (scheduler) return;
      scheduler = worker;
      worker.send(SCHEDULER_MESSAGE);
    });
    return worker;
  };
  const first = Array.from({ length: config.webConcurrency }, fork);

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
    await stopWorkers();
    await metricsServer?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  cluster.on('exit', (worker, code, signal) => {
    if (worker === scheduler) scheduler = undefined;
    if (stopping) return;
    if (!listened.has(worker)) {
      // It never served: starting another would fail the same way, over and over.
      console.error(`Cannot start: a server process exited (${signal ?? code}) before it served.`);
      void stop(1);
      return;
    }
    console.error(`A server process stopped (${signal ?? code}); starting another.`);
    fork();
  });

  await Promise.all(first.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
  console.log(
    `\nJustice Counts Publisher ${appVersion} is running at ${config.publicUrl} (PostgreSQL, ${config.webConcurrency} processes).\n`,
  );
}

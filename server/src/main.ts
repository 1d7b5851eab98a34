/**
 * `npm start`: open (and migrate) the database, serve the API and the web app, stop cleanly. With
 * WEB_CONCURRENCY above 1 (PostgreSQL), this process migrates and then forks that many workers
 * sharing the port (cluster-primary.ts); each worker runs `serve` below, one of them the scheduler.
 */
import cluster from 'node:cluster';
import type { FastifyBaseLogger } from 'fastify';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { runClusterPrimary, SCHEDULER_MESSAGE } from './cluster-primary.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { openDatabase } from './db/database.ts';
import { openConfiguredDatabase, type OpenedDatabase } from './db/open-configured.ts';
import { createMailer } from './email/create-mailer.ts';
import { loggerOptions } from './http/log-options.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { formatSignIns } from './fixtures/sign-ins.ts';
import { serverJobs, startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { startPublicRefresh } from './jobs/public-refresh.ts';
import { shareWithPrimary } from './metrics/cluster-metrics.ts';
import { createMetrics } from './metrics/metrics.ts';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server.ts';
import { systemClock } from './ports.ts';
import { appVersion } from './version.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** Container runtimes wait 10 s after SIGTERM before killing; a database that stopped answering must not keep us. */
const STOP_TIMEOUT_MS = 8_000;

/**
 * Stops once on SIGINT or SIGTERM (Ctrl-C reaches every process of the group, and the cluster
 * primary forwards a stop too), and exits even if `stop` hangs on a database that stopped answering.
 */
function stopOnSignals(log: FastifyBaseLogger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received, shutting down`);
    setTimeout(() => {
      log.error(`Still stopping after ${STOP_TIMEOUT_MS / 1000} s; exiting now`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** One server process: the app on the port, the scheduler when `runScheduler` is called. */
async function serve(config: Config, opened: OpenedDatabase, options: { metricsServer: boolean }) {
  const logger = loggerOptions(config.logLevel);
  const mailer = createMailer(opened.database, config);
  const metrics = createMetrics({ database: opened.database, processMetrics: true });
  // The primary's /metrics adds up every worker's registry (prom-client asks them over IPC).
  if (cluster.isWorker) shareWithPrimary(metrics.registry);
  const readReplica = config.databaseReplicaUrl ? await openDatabase({ url: config.databaseReplicaUrl }) : undefined;
  const app = await buildApp({
    database: opened.database,
    readReplica,
    config,
    mailer,
    clock: systemClock,
    webDist,
    logger,
    metrics,
  });
  let scheduler: Scheduler | undefined;
  const publicRefresh = startPublicRefresh({ db: opened.database.db, clock: systemClock, log: app.log });
  const runScheduler = () => {
    const jobs = serverJobs({
      db: opened.database.db,
      mailer,
      publicUrl: config.publicUrl,
      securityEventRetentionDays: config.securityEventRetentionDays,
    });
    scheduler ??= startScheduler({ jobs, clock: systemClock, log: app.log, onRun: metrics.jobRun });
  };
  let metricsServer: MetricsServer | undefined;
  if (options.metricsServer && config.metricsPort !== undefined) {
    metricsServer = await startMetricsServer(metrics.registry, config.metricsPort, config.host);
  }

  stopOnSignals(app.log, async () => {
    await scheduler?.stop();
    await publicRefresh.stop();
    await metricsServer?.close();
    await app.close();
    await readReplica?.close();
    await opened.close();
  });

  await app.listen({ port: config.port, host: config.host });
  return { app, runScheduler, metricsPort: metricsServer?.port };
}

/** WEB_CONCURRENCY=1: this process does everything. */
async function runSingleProcess(config: Config): Promise<void> {
  const opened = await openConfiguredDatabase(config, 'server');
  // Only a brand-new embedded database gets the demo; a PostgreSQL database never does by itself.
  const demo = opened.isNewEmbedded ? await loadFixtures(opened.database.db, { now: systemClock.now() }) : undefined;
  const { app, runScheduler, metricsPort } = await serve(config, opened, { metricsServer: true });
  runScheduler();
  app.log.info(
    { version: appVersion, engine: opened.database.engine, metricsPort },
    'Justice Counts Publisher started',
  );
  const where =
    opened.database.engine === 'embedded'
      ? `embedded database in ${path.relative(process.cwd(), config.dataDir) || '.'}`
      : 'PostgreSQL';
  console.log(`\nJustice Counts Publisher ${appVersion} is running at ${config.publicUrl} (${where}).\n`);
  if (demo) console.log(`${formatSignIns(demo.signIns)}\n`);
}

/** A worker of several: the primary has migrated; the scheduler runs when the primary says so. */
async function runWorker(config: Config): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl! });
  const opened = { database, isNewEmbedded: false, close: () => database.close() };
  const { app, runScheduler } = await serve(config, opened, { metricsServer: false });
  app.log.info(
    { version: appVersion, engine: 'postgres', worker: cluster.worker?.id },
    'Justice Counts Publisher started',
  );
  process.on('message', (message) => {
    if (message === SCHEDULER_MESSAGE) runScheduler();
  });
  // The primary is gone (killed outright, say): stop rather than serve on unsupervised.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.webConcurrency === 1) return runSingleProcess(config);
  return cluster.isPrimary ? runClusterPrimary(config) : runWorker(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

/** `npm start`: open (and migrate) the database, serve the API and the web app, stop cleanly. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { openConfiguredDatabase } from './db/open-configured.ts';
import { createMailer } from './email/create-mailer.ts';
import { loggerOptions } from './http/log-options.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { formatSignIns } from './fixtures/sign-ins.ts';
import { serverJobs, startScheduler } from './jobs/scheduler.ts';
import { createMetrics } from './metrics/metrics.ts';
import { startMetricsServer } from './metrics/metrics-server.ts';
import { systemClock } from './ports.ts';
import { appVersion } from './version.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** Container runtimes wait 10 s after SIGTERM before killing; stop before that. */
const STOP_TIMEOUT_MS = 8_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, 'server');
  // Only a brand-new embedded database gets the demo; a PostgreSQL database never does by itself.
  const demo = opened.isNewEmbedded ? await loadFixtures(opened.database.db, { now: systemClock.now() }) : undefined;
  const logger = loggerOptions(config.logLevel);
  const mailer = createMailer(opened.database, config);
  const metrics = createMetrics({ database: opened.database, processMetrics: true });
  const app = await buildApp({
    database: opened.database,
    config,
    mailer,
    clock: systemClock,
    webDist,
    logger,
    metrics,
  });
  const scheduler = startScheduler({
    jobs: serverJobs({
      db: opened.database.db,
      mailer,
      publicUrl: config.publicUrl,
      securityEventRetentionDays: config.securityEventRetentionDays,
    }),
    clock: systemClock,
    log: app.log,
    onRun: metrics.jobRun,
  });
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsServer(metrics.registry, config.metricsPort, config.host);

  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    // A database that stopped answering must not keep the process (and a rolling deploy) waiting.
    setTimeout(() => {
      app.log.error(`Still stopping after ${STOP_TIMEOUT_MS / 1000} s; exiting now`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await scheduler.stop();
    await metricsServer?.close();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { version: appVersion, engine: opened.database.engine, metricsPort: metricsServer?.port },
    'Justice Counts Publisher started',
  );
  const where =
    opened.database.engine === 'embedded'
      ? `embedded database in ${path.relative(process.cwd(), config.dataDir) || '.'}`
      : 'PostgreSQL';
  console.log(`\nJustice Counts Publisher ${appVersion} is running at ${config.publicUrl} (${where}).\n`);
  if (demo) console.log(`${formatSignIns(demo.signIns)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

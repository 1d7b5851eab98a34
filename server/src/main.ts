/** `npm start`: open (and migrate) the database, serve the API and the web app, stop cleanly. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { openConfiguredDatabase } from './db/open-configured.ts';
import { createMailer } from './email/create-mailer.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { formatSignIns } from './fixtures/sign-ins.ts';
import { serverJobs, startScheduler } from './jobs/scheduler.ts';
import { systemClock } from './ports.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, 'server');
  // Only a brand-new embedded database gets the demo; a PostgreSQL database never does by itself.
  const demo = opened.isNewEmbedded ? await loadFixtures(opened.database.db, { now: systemClock.now() }) : undefined;
  const logger = { level: config.logLevel };
  const mailer = createMailer(opened.database, config);
  const app = await buildApp({ database: opened.database, config, mailer, clock: systemClock, webDist, logger });
  const scheduler = startScheduler({
    jobs: serverJobs({ db: opened.database.db, mailer, publicUrl: config.publicUrl }),
    clock: systemClock,
    log: app.log,
  });

  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    await scheduler.stop();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where =
    opened.database.engine === 'embedded'
      ? `embedded database in ${path.relative(process.cwd(), config.dataDir) || '.'}`
      : 'PostgreSQL';
  console.log(`\nJustice Counts Publisher is running at ${config.publicUrl} (${where}).\n`);
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

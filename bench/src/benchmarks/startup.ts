/**
 * Start-up of the embedded engine as `npm start` runs it: the first start on an empty data folder
 * (copy the migrated template, load the demo data) and a restart on the same folder, each timed
 * from spawning `node` until /health answers. Once before the rounds, the template is deleted, so
 * the first row is the very first start after `npm ci` or a new migration (initdb + migrations).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { templateDir } from '../../../server/src/db/embedded-template.ts';
import type { BenchmarkReport, Row } from '../results.ts';
import { startServer } from '../../../server/test/support/server-process.ts';

export const STARTUP_TARGETS = { firstMs: 20_000, restartMs: 5_000 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type StartKind = 'first start, no template' | 'first start' | 'restart';

/** Starts the server on `dataDir` and stops it; answers its row. */
async function timeStart(round: number, kind: StartKind, dataDir: string): Promise<Row> {
  const server = await startServer({ env: { DATA_DIR: dataDir } });
  const rss = await server.peakRss();
  const cpuMs = await server.cpuMs();
  await server.stop();
  return {
    round,
    start: kind,
    'ready (ms)': Math.round(server.readyMs),
    'server CPU (ms)': Math.round(cpuMs),
    'peak RSS (MB)': Math.round(rss / 2 ** 20),
  };
}

/** Runs `measure` on a new data folder, deleted afterwards. */
async function withDataDir<T>(measure: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jc-bench-start-'));
  try {
    return await measure(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function startupBenchmark(options: { rounds: number }): Promise<BenchmarkReport> {
  await rm(templateDir(), { recursive: true, force: true });
  const rows: Row[] = [await withDataDir((dataDir) => timeStart(0, 'first start, no template', dataDir))];
  for (let round = 1; round <= options.rounds; round++) {
    await withDataDir(async (dataDir) => {
      rows.push(await timeStart(round, 'first start', dataDir));
      rows.push(await timeStart(round, 'restart', dataDir));
    });
  }
  const readyOf = (kind: StartKind) =>
    rows.filter((row) => row.start === kind).map((row) => row['ready (ms)'] as number);
  const firstMs = median(readyOf('first start'));
  const restartMs = median(readyOf('restart'));
  return {
    benchmark: 'startup',
    rows,
    targets: [
      {
        target: 'first start (empty folder: template copy + demo data) under 20 s',
        measured: `${(firstMs / 1000).toFixed(2)} s (median)`,
        met: firstMs < STARTUP_TARGETS.firstMs,
      },
      {
        target: 'restart under 5 s',
        measured: `${(restartMs / 1000).toFixed(2)} s (median)`,
        met: restartMs < STARTUP_TARGETS.restartMs,
      },
    ],
    notes: [
      'Timed from spawning `node --enable-source-maps server/dist/main.mjs` (the bundle `npm start` runs) until GET /health answers 200.',
      'Round 0 deleted the database template first (node_modules/.cache/jc-publisher/), so it also ran initdb and every migration, as the very first start after `npm ci` or a new migration does.',
    ],
  };
}

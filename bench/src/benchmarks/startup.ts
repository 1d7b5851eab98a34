/**
 * Start-up of the embedded engine as `npm start` runs it: the first start on an empty data folder
 * (create the database, apply every migration, load the demo data) and a restart on the same
 * folder, each timed from spawning `node` until /health answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchmarkReport, Row } from '../results.ts';
import { startServer } from '../server-process.ts';

export const STARTUP_TARGETS = { firstMs: 20_000, restartMs: 5_000 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function startupBenchmark(options: { rounds: number }): Promise<BenchmarkReport> {
  const rows: Row[] = [];
  const first: number[] = [];
  const restart: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'jc-bench-start-'));
    try {
      for (const kind of ['first start', 'restart'] as const) {
        const server = await startServer({ env: { DATA_DIR: dataDir } });
        const rss = await server.peakRss();
        await server.stop();
        (kind === 'first start' ? first : restart).push(server.readyMs);
        rows.push({
          round,
          start: kind,
          'ready (ms)': Math.round(server.readyMs),
          'peak RSS (MB)': Math.round(rss / 2 ** 20),
        });
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const firstMs = median(first);
  const restartMs = median(restart);
  return {
    benchmark: 'startup',
    rows,
    targets: [
      {
        target: 'first start (empty folder, migrations + demo data) under 20 s',
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
      'Timed from spawning `node --import tsx server/src/main.ts` until GET /health answers 200; TypeScript is compiled on the fly by tsx, as `npm start` does.',
    ],
  };
}

/**
 * `npm run bench`: the performance benchmarks of docs/performance.md. Each prints a table and
 * saves JSON to bench/results/; the run ends with every target, met or missed.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../server/src/db/database.ts';
import { apiReport, growthReport, type SizeMeasurement } from './benchmarks/api.ts';
import { loadBenchmark } from './benchmarks/load.ts';
import { measureEndpoints } from './benchmarks/reads.ts';
import { startupBenchmark } from './benchmarks/startup.ts';
import { csvAtLimitCase, csvCase, uploadBenchmark, workbookCase } from './benchmarks/upload.ts';
import { ensureWebBuild, webBenchmark } from './benchmarks/web.ts';
import { withDatasetServer } from './dataset-server.ts';
import { SIZES } from './generate/dataset.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { machine, printReport, resultsDir, saveReport, table, type BenchmarkReport } from './results.ts';

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A benchmark that failed, recorded as a missed target so the others still run. */
function failed(name: string, error: unknown): BenchmarkReport {
  const message = error instanceof Error ? error.message : String(error);
  return {
    benchmark: name,
    rows: [],
    targets: [{ target: `${name} completes`, measured: message.split('\n')[0]!, met: false }],
    notes: [message],
  };
}

const profileFlags = (options: BenchOptions) =>
  options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, 'profiles')}`] : [];

async function readBenchmarks(engine: Engine, options: BenchOptions, report: (r: BenchmarkReport) => Promise<void>) {
  const measured: SizeMeasurement[] = [];
  const apiSize = options.quick ? 'small' : 'medium';
  const nodeFlags = profileFlags(options);
  for (const size of options.sizes[engine]) {
    const withWeb = options.benchmarks.includes('web') && size === 'small' && engine === options.engines[0];
    if (!options.benchmarks.includes('api') && !withWeb) continue;
    await withDatasetServer(
      engine,
      SIZES[size],
      async (site) => {
        if (options.benchmarks.includes('api')) {
          log(`${engine} ${size}: load-testing the endpoints`);
          const results = await measureEndpoints(site, { ...options, withSave: size === apiSize });
          measured.push({ engine, size, values: site.dataset.values, results });
        }
        if (withWeb) {
          log(`${engine} ${size}: web`);
          await report(
            await webBenchmark(site, { runs: options.webRuns }).catch((error: unknown) => failed('web', error)),
          );
        }
      },
      { nodeFlags, log },
    );
  }
  const api = measured.find((m) => m.size === apiSize);
  if (api) await report(apiReport(api));
  if (measured.length > 1) await report(growthReport(engine, measured));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const reports: BenchmarkReport[] = [];
  const report = async (r: BenchmarkReport) => {
    printReport(r);
    reports.push(r);
    log(`saved ${path.relative(process.cwd(), await saveReport(r, { startedAt, options }))}`);
  };
  const host = machine();
  log(
    `${options.quick ? 'quick' : 'full'} run on ${host.cpus} x ${host.cpuModel}, load average ${host.loadAverage.join(' ')}`,
  );
  if (host.loadAverage[0]! > host.cpus) {
    log('warning: the machine is busy; timings will be slower than on an idle machine');
  }
  if (options.cpuProf) await mkdir(path.join(resultsDir, 'profiles'), { recursive: true });
  if (options.benchmarks.includes('web')) {
    try {
      ensureWebBuild();
    } catch (error) {
      await report(failed('web', error));
      options.benchmarks = options.benchmarks.filter((name) => name !== 'web');
    }
  }
  const attempt = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      await report(failed(name, error));
    }
  };
  for (const engine of options.engines) {
    if (options.benchmarks.includes('upload')) {
      log(`${engine}: upload benchmark`);
      const cases = {
        workbook: () => workbookCase(options.upload),
        csv: () => csvCase(options.csvUpload),
        // Minutes on the embedded engine, and the same code path as 'csv': the full PostgreSQL run only.
        ...(!options.quick && engine === 'postgres'
          ? { 'csv-at-limit': () => csvAtLimitCase(options.csvUpload.children) }
          : {}),
      };
      for (const [name, build] of Object.entries(cases)) {
        await attempt(`upload-${name}-${engine}`, async () =>
          report(await uploadBenchmark(engine, await build(), log, profileFlags(options))),
        );
      }
    }
    await attempt(`reads-${engine}`, () => readBenchmarks(engine, options, report));
  }
  if (options.benchmarks.includes('load') && options.engines.includes('postgres')) {
    log('load test (PostgreSQL)');
    const size = SIZES[options.quick ? 'small' : 'medium'];
    await attempt('load-postgres', async () => report(await loadBenchmark({ size, ...options.load })));
  }
  if (options.benchmarks.includes('startup')) {
    log('startup benchmark (embedded engine)');
    await attempt('startup', async () => report(await startupBenchmark({ rounds: options.startupRounds })));
  }
  const checks = reports.flatMap((r) =>
    r.targets.map((t) => ({
      benchmark: r.benchmark,
      result: t.met ? 'met' : 'MISSED',
      target: t.target,
      measured: t.measured,
    })),
  );
  console.log(
    `\n== targets (${((Date.now() - Date.parse(startedAt)) / 1000).toFixed(0)} s, load average at end ${machine().loadAverage.join(' ')}) ==\n${table(checks)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

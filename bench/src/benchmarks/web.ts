/**
 * The web app: gzip size of the JavaScript the first page load needs (the entry script and its
 * preloaded chunks, from web/dist/index.html), and the time until a record's data-entry form is
 * usable in headless Chromium on loopback, with a cold cache, signed in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { DatasetServer } from '../dataset-server.ts';
import type { BenchmarkReport, Row } from '../results.ts';
import { repoRoot } from '../server-process.ts';

export const WEB_TARGETS = { initialJsGzipBytes: 250 * 1024, usableMs: 1_500 };
const webDist = path.join(repoRoot, 'web', 'dist');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** A metric value box that can be typed into: what "usable" means for the form. */
const VALUE_INPUT = 'main input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"])';

export function ensureWebBuild(): void {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  const built = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench: building the web app failed');
}

/** The entry scripts and modulepreloads of index.html, with their raw and gzip sizes. */
export async function initialScripts(): Promise<{ file: string; bytes: number; gzipBytes: number }[]> {
  const html = await readFile(path.join(webDist, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1]!);
  return Promise.all(
    [...new Set(urls)].map(async (url) => {
      const content = await readFile(path.join(webDist, url.replace(/^\//, '')));
      return { file: url, bytes: content.length, gzipBytes: gzipSync(content).length };
    }),
  );
}

async function timeDataEntry(site: DatasetServer, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const recordId = site.dataset.probeMonthlyRecordIds.at(-1)!;
  const url = `${site.server.url}/agency/${site.dataset.agencies[0]!.id}/records/${recordId}`;
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'jc_session', value: site.user.sessionToken, url: site.server.url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(VALUE_INPUT).first().waitFor({ state: 'visible', timeout: 15_000 });
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

export async function webBenchmark(site: DatasetServer, options: { runs: number }): Promise<BenchmarkReport> {
  const scripts = await initialScripts();
  const gzipTotal = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const rows: Row[] = scripts.map((s) => ({
    measure: `initial JS ${s.file}`,
    value: `${(s.bytes / 1024).toFixed(1)} KB raw, ${(s.gzipBytes / 1024).toFixed(1)} KB gzip`,
  }));
  const notes: string[] = [];
  let usable: { met: boolean; measured: string };
  try {
    const times = await timeDataEntry(site, options.runs);
    times.forEach((ms, i) =>
      rows.push({ measure: `data-entry form usable, run ${i + 1}`, value: `${Math.round(ms)} ms` }),
    );
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    usable = {
      met: median < WEB_TARGETS.usableMs,
      measured: `${Math.round(median)} ms (median of ${times.length}, cold cache)`,
    };
  } catch (error) {
    usable = { met: false, measured: 'not measurable: no enabled value input appeared within 15 s' };
    notes.push(`data-entry page: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    benchmark: 'web',
    rows,
    targets: [
      {
        target: 'initial JavaScript under 250 KB gzip',
        measured: `${(gzipTotal / 1024).toFixed(1)} KB`,
        met: gzipTotal < WEB_TARGETS.initialJsGzipBytes,
      },
      { target: 'data-entry page usable in under 1.5 s', ...usable },
    ],
    notes: [
      ...notes,
      'Usable = the first enabled value input of the record form at /agency/:id/records/:recordId is visible, timed from navigation start in a fresh browser context.',
    ],
  };
}

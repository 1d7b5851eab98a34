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
import { chromium, type Browser } from 'playwright-core';
import type { DatasetServer } from '../dataset-server.ts';
import type { BenchmarkReport, Row } from '../results.ts';
import { repoRoot } from '../../../server/test/support/server-process.ts';

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
/** What "usable" means on each page the benchmark can time, the record form first. */
interface UsablePage {
  name: string;
  path: (agencyId: number, recordId: number) => string;
  /** The element whose appearance (visible and enabled) makes the page usable. */
  ready: string;
}

const PAGES: UsablePage[] = [
  {
    name: 'record data-entry form',
    path: (agencyId, recordId) => `/agency/${agencyId}/records/${recordId}`,
    // A metric value box that can be typed into.
    ready: 'main input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"])',
  },
  {
    name: 'Enter Data page (the record form is not built yet)',
    path: (agencyId) => `/agency/${agencyId}/data-entry`,
    ready: 'main a:has-text("Manual Entry")',
  },
];

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

async function timePage(browser: Browser, site: DatasetServer, page: UsablePage, runs: number): Promise<number[]> {
  const url = `${site.server.url}${page.path(site.dataset.agencies[0]!.id, site.dataset.probeMonthlyRecordIds.at(-1)!)}`;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh context each time: cold cache, as on a first visit.
    const context = await browser.newContext();
    try {
      await context.addCookies([{ name: 'jc_session', value: site.user.sessionToken, url: site.server.url }]);
      const tab = await context.newPage();
      const started = performance.now();
      await tab.goto(url, { waitUntil: 'commit' });
      await tab
        .locator(page.ready)
        .first()
        .waitFor({ state: 'visible', timeout: run === 0 ? 15_000 : 5_000 });
      times.push(performance.now() - started);
    } finally {
      await context.close();
    }
  }
  return times;
}

/** Times the first page of PAGES that becomes usable; undefined when none does. */
async function timeDataEntry(site: DatasetServer, runs: number, notes: string[]) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const page of PAGES) {
      try {
        return { page, times: await timePage(browser, site, page, runs) };
      } catch (error) {
        notes.push(`${page.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return undefined;
  } finally {
    await browser.close();
  }
}

export async function webBenchmark(site: DatasetServer, options: { runs: number }): Promise<BenchmarkReport> {
  const scripts = await initialScripts();
  const gzipTotal = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const rows: Row[] = scripts.map((s) => ({
    measure: `initial JS ${s.file}`,
    value: `${(s.bytes / 1024).toFixed(1)} KB raw, ${(s.gzipBytes / 1024).toFixed(1)} KB gzip`,
  }));
  const notes: string[] = [];
  let usable = { met: false, measured: 'not measurable: no data-entry page became usable within 15 s' };
  const timed = await timeDataEntry(site, options.runs, notes);
  if (timed) {
    timed.times.forEach((ms, i) =>
      rows.push({ measure: `${timed.page.name} usable, run ${i + 1}`, value: `${Math.round(ms)} ms` }),
    );
    const median = [...timed.times].sort((a, b) => a - b)[Math.floor(timed.times.length / 2)]!;
    usable = {
      met: median < WEB_TARGETS.usableMs,
      measured: `${Math.round(median)} ms (${timed.page.name}, median of ${timed.times.length}, cold cache)`,
    };
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
      "Usable = the page's input (record form: first enabled value box; Enter Data: the Manual Entry link) is visible, timed from navigation start in a fresh browser context.",
    ],
  };
}

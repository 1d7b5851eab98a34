/**
 * Runs once before the browser tests: builds the web app when web/dist is missing or older than
 * any of its sources, so tests always drive the current code without rebuilding every run, and
 * prepares the migrated database template the integration tests also start from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import prepareTestDatabase from '../../server/test/support/global-setup.ts';
import { repoRoot, webDist } from './paths.ts';

/** Everything that ends up in the web bundle. */
const WEB_SOURCES = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'catalogue/src',
  'server/src/contract',
];

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(target, name))),
    stat.mtimeMs,
  );
}

export function isWebBuildStale(): boolean {
  const built = path.join(webDist, 'index.html');
  if (!existsSync(built)) return true;
  const sourceTime = Math.max(...WEB_SOURCES.map((source) => newestChange(path.join(repoRoot, source))));
  return statSync(built).mtimeMs < sourceTime;
}

function buildWebApp(): void {
  console.log('e2e: building the web app (web/dist is missing or stale)…');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`e2e: "npm run build -w web" failed with exit code ${result.status}.`);
}

export default async function setup(project: TestProject): Promise<void> {
  if (isWebBuildStale()) buildWebApp();
  await prepareTestDatabase(project);
}

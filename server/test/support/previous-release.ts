/**
 * The previous release, for the upgrade test. The project has no release tags yet, so the
 * previous release is the commit before the one that added the newest migration (HEAD when that
 * migration is not committed yet): the newest code that ran on the schema before it. Its sources
 * are taken from git with `git archive` into a temporary folder and run with tsx; its packages
 * are this checkout's (a symbolic link per package), except its own workspace packages.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../build/release.ts';
import { migrationsFolder } from '../../src/db/migrate.ts';
import type { Env } from './run-release.ts';

const SOURCES = ['package.json', 'tsconfig.base.json', 'catalogue', 'server'];
const WORKSPACES = ['catalogue', 'server'];

export interface PreviousRelease {
  commit: string;
  folder: string;
  /** How many migrations it has. */
  migrations: number;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot }).toString().trim();

export const sqlFilesIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.sql'));

function previousReleaseCommit(): string {
  const newest = sqlFilesIn(migrationsFolder).sort().at(-1)!;
  const added = git('log', '--diff-filter=A', '--format=%H', '-1', '--', path.join(migrationsFolder, newest));
  return added === '' ? git('rev-parse', 'HEAD') : git('rev-parse', `${added}^`);
}

/** node_modules of this checkout, one link per entry, with the release's own workspace packages. */
function linkPackages(folder: string): void {
  const modules = path.join(folder, 'node_modules');
  mkdirSync(path.join(modules, '@jc'), { recursive: true });
  for (const name of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (name !== '@jc') symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(modules, name));
  }
  for (const name of WORKSPACES) symlinkSync(path.join(folder, name), path.join(modules, '@jc', name));
  symlinkSync(path.join(repoRoot, 'server', 'node_modules'), path.join(folder, 'server', 'node_modules'));
}

export function checkOutPreviousRelease(): PreviousRelease {
  let commit: string;
  try {
    commit = previousReleaseCommit();
  } catch (error) {
    throw new Error(`The upgrade test needs this checkout's git history: ${(error as Error).message}`);
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'jc-previous-release-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit, '--', ...SOURCES], {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  linkPackages(folder);
  const migrations = sqlFilesIn(path.join(folder, 'server', 'src', 'db', 'migrations')).length;
  return { commit, folder, migrations };
}

/** Node's arguments to run a TypeScript entry point of the previous release. */
export const fromSources = (entry: string) => ['--import', 'tsx', entry];

/** Runs the previous release's `jc` from its sources; answers what it printed. */
export async function previousJc(release: PreviousRelease, env: Env, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...fromSources('server/src/cli/main.ts'), ...args], {
    cwd: release.folder,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });
  return stdout;
}

/**
 * The running version: the package version and the commit it was built from, such as
 * `0.1.0+1a2b3c4` (`.dirty` when the files differed from that commit). A release bundle has it
 * written in at build time; run from a checkout it is read from package.json and git, once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Replaced by the release build (server/build/release.ts) with the artifact's version. */
declare const JC_RELEASE_VERSION: string | undefined;

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/** The version of the checkout at `root`: package.json's version, the commit, and whether it was edited. */
export function checkoutVersion(root = fileURLToPath(new URL('../../', import.meta.url))): string {
  const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };
  const commit = git(root, ['rev-parse', '--short', 'HEAD']);
  if (commit === undefined) return `${version}+unknown`;
  const edited = (git(root, ['status', '--porcelain', '--untracked-files=no']) ?? '') !== '';
  return `${version}+${commit}${edited ? '.dirty' : ''}`;
}

export const appVersion: string = typeof JC_RELEASE_VERSION === 'string' ? JC_RELEASE_VERSION : checkoutVersion();

/**
 * The release artifact for tests, built at most once per change: the build (about a minute) is
 * reused while the files it is made from and the version are the same. The key is a hash of
 * those files' contents, kept beside the artifact in release/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildRelease, type Release, releaseDir, repoRoot } from '../../build/release.ts';
import { checkoutVersion } from '../../src/version.ts';

/** Everything the artifact is made from. */
const INPUTS = ['server/src', 'server/build', 'catalogue/src', 'web', 'scripts', 'package.json', 'package-lock.json'];
const CACHE_RECORD = path.join(releaseDir, 'tested-build.json');

function inputsKey(version: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...INPUTS], {
    cwd: repoRoot,
  })
    .toString()
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(repoRoot, file)))
    .sort();
  const hash = createHash('sha256').update(version);
  for (const file of files) hash.update(file).update(readFileSync(path.join(repoRoot, file)));
  return hash.digest('hex');
}

export async function testedRelease(): Promise<Release> {
  const version = checkoutVersion(repoRoot);
  const key = inputsKey(version);
  if (existsSync(CACHE_RECORD)) {
    const cached = JSON.parse(readFileSync(CACHE_RECORD, 'utf8')) as Release & { key: string };
    if (cached.key === key && existsSync(cached.file)) return { version: cached.version, file: cached.file };
  }
  const release = await buildRelease(version);
  writeFileSync(CACHE_RECORD, JSON.stringify({ ...release, key }));
  return release;
}

/** Unpacks the artifact into a new temporary folder, as an operator would; answers the folder. */
export function unpackRelease(release: Release): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'jc-release-'));
  execFileSync('tar', ['-xzf', release.file, '-C', folder, '--strip-components=1']);
  return folder;
}

/** The files and folders in the artifact, relative to its top folder (`web/dist/index.html`, …). */
export function releaseEntries(release: Release): Set<string> {
  const listing = execFileSync('tar', ['-tzf', release.file], { maxBuffer: 64 * 1024 * 1024 }).toString();
  return new Set(
    listing
      .split('\n')
      .map((line) => line.split('/').slice(1).join('/').replace(/\/$/, ''))
      .filter((entry) => entry !== ''),
  );
}

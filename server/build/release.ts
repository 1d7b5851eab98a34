/**
 * `npm run release`: writes release/justice-counts-publisher-<version>.tar.gz, which runs from an
 * empty folder with nothing but Node.js: `node server.mjs` and `node jc.mjs <command>`.
 *
 * Inside, laid out like the checkout so the code finds its files the same way: the server, the
 * `jc` command and the upload worker thread bundled by esbuild (every package inside, the version written in), the web app
 * built for production with a .br and .gz copy of each asset (web/dist/), the SQL migrations
 * (server/src/db/migrations/), and in node_modules/ only the packages that cannot be bundled
 * (runtime-packages.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { keepSourceUrls, UPLOAD_WORKER, UPLOAD_WORKER_SOURCE } from '../../scripts/server-bundle.mjs';
import { checkoutVersion } from '../src/version.ts';
import { copyRuntimePackages, UNBUNDLED_PACKAGES } from './runtime-packages.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const releaseDir = path.join(repoRoot, 'release');
/** How the artifact starts; the Containerfile's CMD must say the same. */
export const START_COMMAND = ['node', 'server.mjs'];

export interface Release {
  version: string;
  /** The .tar.gz; it unpacks to one folder named like the file without the extension. */
  file: string;
}

export const releaseName = (version: string) => `justice-counts-publisher-${version}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Bundles both entry points; packages that load files from their own folder stay outside. */
async function bundle(folder: string, version: string): Promise<void> {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: { server: 'server/src/main.ts', jc: 'server/src/cli/main.ts', [UPLOAD_WORKER]: UPLOAD_WORKER_SOURCE },
    outdir: folder,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    minifySyntax: true,
    logLevel: 'warning',
    define: { JC_RELEASE_VERSION: JSON.stringify(version), JC_UPLOAD_WORKER: JSON.stringify(`${UPLOAD_WORKER}.mjs`) },
    // pg-native is pg's optional C driver, not used; the others load files from their own folder.
    external: [...UNBUNDLED_PACKAGES, 'pg-native'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    plugins: [keepSourceUrls(repoRoot)],
  });
}

/** Writes the artifact's folder (without packing it) into `folder`. */
export async function assembleRelease(folder: string, version: string): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await bundle(folder, version);
  // Into the artifact, not web/dist: tests or a running server may be using web/dist meanwhile.
  const webOut = path.join(folder, 'web/dist');
  run('npm', ['run', 'build', '-w', 'web', '--silent', '--', '--outDir', webOut, '--emptyOutDir'], {
    ...process.env,
    NODE_ENV: 'production',
  });
  cpSync(path.join(repoRoot, 'server/src/db/migrations'), path.join(folder, 'server/src/db/migrations'), {
    recursive: true,
  });
  copyRuntimePackages(repoRoot, folder);
  const manifest = {
    name: 'justice-counts-publisher',
    version,
    private: true,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: { start: START_COMMAND.join(' '), jc: 'node jc.mjs' },
  };
  writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Builds the artifact of the checkout as it is now. */
export async function buildRelease(version = checkoutVersion(repoRoot)): Promise<Release> {
  const name = releaseName(version);
  const staging = path.join(releaseDir, name);
  await assembleRelease(staging, version);
  const file = path.join(releaseDir, `${name}.tar.gz`);
  run('tar', ['-czf', file, '-C', releaseDir, '--owner=0', '--group=0', name]);
  rmSync(staging, { recursive: true, force: true });
  return { version, file };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const release = await buildRelease();
  console.log(`Release ${release.version}: ${path.relative(process.cwd(), release.file)}`);
}

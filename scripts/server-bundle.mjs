// The server as one plain JavaScript module, server/dist/main.mjs (and beside it the upload worker
// thread's, server/dist/upload-worker.mjs), so that `npm start` does not
// compile every TypeScript file at each start (tsx took 3–6 s of a start on a busy machine). Packages
// from node_modules stay outside the bundle and load as usual; the workspace's own TypeScript
// (@jc/catalogue, @jc/server) is inside it. Plain JavaScript so it runs before anything is compiled.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'server/dist');
const serverBundle = path.join(distDir, 'main.mjs');
/** `node` arguments that run the bundled server, with TypeScript lines in stack traces. */
export const serverCommand = ['--enable-source-maps', path.relative(root, serverBundle)];
/**
 * The upload worker's bundle name (without .mjs) and source: server/src/domain/uploads/
 * check-upload-in-worker.ts finds the bundle beside its own through the define JC_UPLOAD_WORKER.
 */
export const UPLOAD_WORKER = 'upload-worker';
export const UPLOAD_WORKER_SOURCE = 'server/src/domain/uploads/check-upload-worker.ts';

/** When the bundle was built and from which files (esbuild's list), to tell when it is out of date. */
const metafile = path.join(distDir, 'meta.json');
const thisScript = fileURLToPath(import.meta.url);

/** True when the bundle is missing, or this script or any file it was built from changed since. */
export function isServerBundleStale() {
  const bundles = [serverBundle, path.join(distDir, `${UPLOAD_WORKER}.mjs`), metafile];
  if (bundles.some((file) => !existsSync(file))) return true;
  const { startedAt, inputs } = JSON.parse(readFileSync(metafile, 'utf8'));
  return [thisScript, ...inputs.map((input) => path.join(root, input))].some(
    (file) => !existsSync(file) || statSync(file).mtimeMs > startedAt,
  );
}

/** Bare imports of installed packages stay imports; the workspace's packages (@jc/…) are bundled. */
const keepPackagesOutside = {
  name: 'keep-packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@jc/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `import.meta.url` keeps naming the source file, as seen from a bundle placed at `bundleDir` of
 * the checkout, so paths next to it (the migrations folder, the web build) resolve as they do under
 * tsx. server/dist/main.mjs looks back into the checkout, so it still works if the checkout moves;
 * a release's bundles sit at the top (`root`) of a folder laid out like the checkout.
 */
export function keepSourceUrls(bundleDir) {
  return {
    name: 'keep-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(bundleDir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

export async function buildServerBundle() {
  const { build } = await import('esbuild');
  // Files saved while the build runs count as changed: the next start builds again.
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    // The worker thread that reads and checks uploads is a bundle of its own beside the server's.
    entryPoints: { main: 'server/src/main.ts', [UPLOAD_WORKER]: UPLOAD_WORKER_SOURCE },
    outdir: distDir,
    outExtension: { '.js': '.mjs' },
    define: { JC_UPLOAD_WORKER: JSON.stringify(`${UPLOAD_WORKER}.mjs`) },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [keepPackagesOutside, keepSourceUrls(distDir)],
  });
  writeFileSync(metafile, JSON.stringify({ startedAt, inputs: Object.keys(result.metafile.inputs) }));
}

/** Builds the bundle when it is out of date; answers whether it did. */
export async function ensureServerBundle() {
  if (!isServerBundleStale()) return false;
  await buildServerBundle();
  return true;
}

// `node scripts/server-bundle.mjs` (part of `npm run build`) builds it whether or not it is stale.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServerBundle();

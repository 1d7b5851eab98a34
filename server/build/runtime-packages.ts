/**
 * The packages a release ships in its node_modules: those the bundles leave outside because they
 * load native or WebAssembly files from their own folder, with everything they depend on at run
 * time. They are copied from the checkout's node_modules (installed by `npm ci` from the lockfile),
 * so the artifact holds exactly the tested versions and building it needs no network.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Loaded from their own folder: argon2's compiled addon, PGlite's WebAssembly and data files, and
 * us-atlas's county file (read by path when first needed and dropped once the names are taken,
 * where a bundled copy would keep its 6 MB of map shapes in memory for good).
 */
export const UNBUNDLED_PACKAGES = ['argon2', '@electric-sql/pglite', 'us-atlas'] as const;

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Node's lookup: `name` in the nearest node_modules from `fromDir` upwards. */
function findPackage(name: string, fromDir: string, stopAt: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === stopAt || dir === path.dirname(dir)) return undefined;
  }
}

/** Package folders (relative to `root`) of `names` and their run-time dependencies. */
export function runtimeClosure(root: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = findPackage(name, fromDir, root);
    if (!dir) {
      if (optional) return;
      throw new Error(`The release needs the package ${name}, which is not installed: run npm ci.`);
    }
    const relative = path.relative(root, dir);
    if (found.has(relative)) return;
    found.add(relative);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir, false);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, dir, true);
  };
  for (const name of names) visit(name, root, false);
  return [...found].sort();
}

/** Copies the closure into `target`, keeping each folder's place (node_modules/…) as installed. */
export function copyRuntimePackages(root: string, target: string): string[] {
  const folders = runtimeClosure(root, UNBUNDLED_PACKAGES);
  for (const folder of folders) {
    // A nested node_modules holds other versions for this package; they are in the closure if needed.
    cpSync(path.join(root, folder), path.join(target, folder), {
      recursive: true,
      filter: (source) => !path.relative(path.join(root, folder), source).startsWith('node_modules'),
    });
  }
  return folders;
}

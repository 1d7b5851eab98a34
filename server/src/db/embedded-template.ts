/**
 * A new embedded database starts as a copy of a migrated template instead of running PGlite's
 * initdb and every migration, which costs seconds of WASM work even on a quiet machine (over 20 s
 * on a busy one); copying the folder takes a fraction of a second. The template lives in
 * node_modules/.cache/jc-publisher/, named by a hash of the PGlite version and the migration
 * files, so a new migration or PGlite release gets a new template. The first start that needs one
 * makes it; later new data folders (tests, benchmarks, "delete ./data to start over") reuse it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openDatabase } from './database.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';

const PGLITE = path.join('node_modules', '@electric-sql', 'pglite');

/** The installed PGlite package folder, found from its entry point (it exports no package.json). */
function pglitePackageDir(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return entry.slice(0, entry.lastIndexOf(PGLITE) + PGLITE.length);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Changes whenever PGlite's version or any migration file (name or content) changes. */
function templateKey(pgliteDir: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(path.join(pgliteDir, 'package.json'), 'utf8')).version);
  for (const file of filesUnder(migrationsFolder)) {
    hash.update(path.relative(migrationsFolder, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** node_modules/.cache/jc-publisher, in the node_modules that holds PGlite. */
export function defaultCacheDir(): string {
  return path.join(path.dirname(path.dirname(pglitePackageDir())), '.cache', 'jc-publisher');
}

/** Where the template for the installed PGlite and the current migrations is (or will be). */
export function templateDir(cacheDir = defaultCacheDir()): string {
  return path.join(cacheDir, `pglite-${templateKey(pglitePackageDir())}`);
}

const isDatabaseFolder = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

/**
 * Builds the template beside its final place and renames it there, so a half-made template is
 * never used; when two processes race, the first rename wins and the other copy is dropped.
 */
async function buildTemplate(template: string): Promise<void> {
  const building = `${template}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(path.dirname(template), { recursive: true });
  const database = await openDatabase({ dataDir: building });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  try {
    renameSync(building, template);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!isDatabaseFolder(template)) throw error;
  }
  removeOldTemplates(template);
}

/** Templates for older migrations or PGlite versions are never used again. */
function removeOldTemplates(current: string): void {
  const cacheDir = path.dirname(current);
  for (const name of readdirSync(cacheDir)) {
    const isOther = name.startsWith('pglite-') && !name.includes('.building-') && name !== path.basename(current);
    if (isOther) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Fills the new folder `pgliteDir` with a migrated, empty database. The copy is made under a
 * temporary name and renamed, so an interrupted copy never looks like a database.
 */
export async function createFromTemplate(pgliteDir: string, cacheDir = defaultCacheDir()): Promise<void> {
  const template = templateDir(cacheDir);
  if (!isDatabaseFolder(template)) await buildTemplate(template);
  const copying = `${pgliteDir}.copying-${process.pid}`;
  rmSync(copying, { recursive: true, force: true });
  cpSync(template, copying, { recursive: true });
  try {
    renameSync(copying, pgliteDir);
  } catch (error) {
    rmSync(copying, { recursive: true, force: true });
    throw error;
  }
}

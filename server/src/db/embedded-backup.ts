/**
 * Backups of the embedded engine's data folder, taken and restored while no server runs (the data
 * folder lock proves it). A backup is PGlite's own dump of its files (a gzipped tar), so restoring
 * needs nothing but this program. Both directions write under a temporary name and rename at the
 * end, so a failure or an interruption leaves the backup file or the data folder as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import { newestKnownMigrationTime } from './migrate.ts';

/** A backup or restore that cannot be done as asked; the message says why, for the operator. */
export class BackupError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];
const LOCK_ROLE = 'jc backup or restore';

const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');
const hasDatabase = (folder: string) => existsSync(path.join(folder, 'PG_VERSION'));

/** Runs `work` holding the data folder's lock, which fails when a server or a command has it. */
async function whileLocked<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const release = lockDataDir(dataDir, LOCK_ROLE);
  try {
    return await work();
  } finally {
    release();
  }
}

/** True when the database has the Publisher's migrations table, i.e. was made by this program. */
async function isPublisherDatabase(client: PGlite): Promise<boolean> {
  const found = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  return (found.rows[0] as { found: boolean } | undefined)?.found === true;
}

/** How many migrations the database has that this release does not: those of a newer release. */
async function unknownMigrations(client: PGlite): Promise<number> {
  const newer = await client.query<{ count: number }>(
    'select count(*)::int as count from drizzle.__drizzle_migrations where created_at > $1',
    [newestKnownMigrationTime()],
  );
  return newer.rows[0]?.count ?? 0;
}

/** Writes a backup of DATA_DIR's database to `out`, which must not exist yet. */
export async function backupDataDir(dataDir: string, out: string): Promise<{ bytes: number }> {
  if (existsSync(out)) throw new BackupError(`${out} already exists; name a new file for the backup`);
  if (!existsSync(path.dirname(path.resolve(out)))) {
    throw new BackupError(`the folder of ${out} does not exist`);
  }
  if (!hasDatabase(pgliteDir(dataDir))) throw new BackupError(`there is no embedded database in ${dataDir}`);
  return whileLocked(dataDir, async () => {
    const client = new PGlite({ dataDir: pgliteDir(dataDir) });
    let content: Buffer;
    try {
      await client.waitReady;
      content = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
    const partial = `${out}.partial-${process.pid}`;
    writeFileSync(partial, content);
    renameSync(partial, out);
    return { bytes: content.length };
  });
}

/** Opens `content` as a new database in `folder`, refusing anything that is not a Publisher backup. */
async function unpackBackup(file: string, content: Buffer, folder: string): Promise<void> {
  const notBackup = new BackupError(`${file} is not a backup made by jc backup`);
  if (!GZIP_MAGIC.every((byte, i) => content[i] === byte)) throw notBackup;
  let client: PGlite | undefined;
  try {
    client = new PGlite({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(content)]) });
    await client.waitReady;
    if (!(await isPublisherDatabase(client))) throw notBackup;
    const unknown = await unknownMigrations(client);
    if (unknown > 0) {
      throw new BackupError(
        `${file} was made by a newer release of the Publisher (its database has ${unknown} ` +
          `migration${unknown === 1 ? '' : 's'} this release does not know); restore it with that release or a later one`,
      );
    }
  } catch (error) {
    throw error instanceof BackupError ? error : notBackup;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/**
 * Replaces DATA_DIR's database with the backup in `file`. A database already there is kept beside
 * it, renamed; its new name is returned so the operator can delete it once satisfied.
 */
export async function restoreDataDir(dataDir: string, file: string, now: Date): Promise<{ keptAs?: string }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const content = readFileSync(file);
  return whileLocked(dataDir, async () => {
    const target = pgliteDir(dataDir);
    const restoring = `${target}.restoring-${process.pid}`;
    rmSync(restoring, { recursive: true, force: true });
    try {
      await unpackBackup(file, content, restoring);
    } catch (error) {
      rmSync(restoring, { recursive: true, force: true });
      throw error;
    }
    let keptAs: string | undefined;
    if (existsSync(target)) {
      keptAs = `${target}-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, keptAs);
    }
    renameSync(restoring, target);
    return keptAs ? { keptAs } : {};
  });
}

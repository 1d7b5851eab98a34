/**
 * The embedded engine's files may be opened by one process at a time. The server and the CLI
 * take this lock before opening them, so a CLI command never corrupts a running server's data.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): { pid: number; role: string } | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; role: string };
    return isAlive(holder.pid) && holder.pid !== process.pid ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws a message saying who holds it; returns the release function. */
export function lockDataDir(dataDir: string, role: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'in-use.lock');
  const holder = readHolder(lockFile);
  if (holder) {
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} is in use by the ${holder.role} (process ${holder.pid}). ` +
        'Stop it first, or point both at a PostgreSQL server with DATABASE_URL.',
    );
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, role }));
  return () => rmSync(lockFile, { force: true });
}

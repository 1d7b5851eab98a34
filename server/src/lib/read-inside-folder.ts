/**
 * Reads a file named by a path relative to a folder, and nothing outside it: the path may not
 * climb out (`..`), be absolute, or pass through a symbolic link anywhere (a link could point
 * outside, and one inside is never needed). Used for files that others drop into a folder.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

export type FolderRead =
  { ok: true; content: Buffer } | { ok: false; reason: 'outside' | 'missing' | 'not_a_file' | 'too_large' };

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as { code?: string }).code ?? '');

/** The file's real path, when it is inside `folder` and reached without a link; or why not. */
async function resolveInside(folder: string, relative: string): Promise<string | FolderRead> {
  if (path.isAbsolute(relative) || relative.includes('\0')) return { ok: false, reason: 'outside' };
  const root = await realpath(folder);
  const target = path.resolve(root, relative);
  if (!target.startsWith(root + path.sep)) return { ok: false, reason: 'outside' };
  try {
    return (await realpath(target)) === target ? target : { ok: false, reason: 'outside' };
  } catch (error) {
    if (isMissing(error)) return { ok: false, reason: 'missing' };
    throw error;
  }
}

export async function readInsideFolder(folder: string, relative: string, maxBytes: number): Promise<FolderRead> {
  const resolved = await resolveInside(folder, relative);
  if (typeof resolved !== 'string') return resolved;
  // O_NOFOLLOW: a link put in the file's place after the check above is still refused; O_NONBLOCK: a pipe
  // dropped there does not hold the request.
  const handle = await open(resolved, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    (error: unknown) => {
      if ((error as { code?: string }).code === 'ELOOP') return { ok: false, reason: 'outside' } as const;
      throw error;
    },
  );
  if ('ok' in handle) return handle;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'not_a_file' };
    if (stats.size > maxBytes) return { ok: false, reason: 'too_large' };
    return { ok: true, content: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/**
 * Checks the hash chain of every agency's releases (or one agency's): numbers run 1, 2, 3…, each
 * release's content still has the hash it was released with, and each chain hash covers the
 * release before it. Used by `jc verify-releases`; a problem names the agency and release.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { publicRelease } from '../../db/schema.ts';
import { chainHash, contentHash, type NoteRow, type ReleaseRow } from './release-rules.ts';

export interface VerifyReleasesResult {
  checked: number;
  problems: string[];
}

type StoredRelease = typeof publicRelease.$inferSelect;

function problemsOf(release: StoredRelease, previous: StoredRelease | undefined): string[] {
  const where = `agency ${release.agencyId}, release ${release.number}`;
  const problems: string[] = [];
  if (release.number !== (previous?.number ?? 0) + 1) {
    problems.push(`${where}: follows release ${previous?.number ?? 'none'}`);
  }
  if (contentHash(release.content as ReleaseRow[], (release.notes as NoteRow[] | null) ?? []) !== release.contentHash) {
    problems.push(`${where}: its content was changed after it was released`);
  }
  if (release.previousHash !== (previous?.chainHash ?? null)) {
    problems.push(`${where}: does not point at the release before it`);
  }
  if (chainHash(release) !== release.chainHash) problems.push(`${where}: its chain hash does not match`);
  return problems;
}

export async function verifyReleases(
  db: Executor,
  input: { agencyId?: number | undefined },
): Promise<VerifyReleasesResult> {
  const releases = await db
    .select()
    .from(publicRelease)
    .where(input.agencyId === undefined ? undefined : eq(publicRelease.agencyId, input.agencyId))
    .orderBy(asc(publicRelease.agencyId), asc(publicRelease.number));
  const problems: string[] = [];
  releases.forEach((release, i) => {
    const before = releases[i - 1];
    problems.push(...problemsOf(release, before?.agencyId === release.agencyId ? before : undefined));
  });
  return { checked: releases.length, problems };
}

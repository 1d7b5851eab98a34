/**
 * The change feed: releases of agencies with their dashboard on, across all agencies, oldest first,
 * after a cursor (a release's id, which follows commit order: see recordPublicRelease) or after a
 * time. A harvester passes back the last cursor it saw and fetches only what changed. Each change
 * carries its data notes written or taken back; its values are in the release it points at.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { publicRelease, source } from '../../db/schema.ts';
import { summaryColumns, summaryDiff, type ReleaseSummary } from './find-releases.ts';

export interface ReleaseChange extends ReleaseSummary {
  cursor: number;
  agency: { id: number; name: string };
}

export interface ReleaseChangesInput {
  since: { cursor: number } | { time: Date } | null;
  limit: number;
}

function after(since: ReleaseChangesInput['since']) {
  if (since === null) return undefined;
  return 'cursor' in since ? gt(publicRelease.id, since.cursor) : gt(publicRelease.createdAt, since.time);
}

export async function findReleaseChanges(
  db: Executor,
  input: ReleaseChangesInput,
): Promise<{ changes: ReleaseChange[]; hasMore: boolean }> {
  const rows = await db
    .select({
      cursor: publicRelease.id,
      agencyId: source.id,
      agencyName: source.name,
      ...summaryColumns,
    })
    .from(publicRelease)
    .innerJoin(source, and(eq(source.id, publicRelease.agencyId), eq(source.isDashboardEnabled, true)))
    .where(after(input.since))
    .orderBy(asc(publicRelease.id))
    .limit(input.limit + 1);
  const changes = rows.slice(0, input.limit).map(({ agencyId, agencyName, diff, ...row }) => ({
    ...row,
    agency: { id: agencyId, name: agencyName },
    diff: summaryDiff(diff),
  }));
  return { changes, hasMore: rows.length > input.limit };
}

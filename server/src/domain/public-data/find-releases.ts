/**
 * The public releases of an agency with its dashboard on: the list (newest first) and one release
 * with its content and what changed, at a permanent address. Who released it stays private.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { publicRelease } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { getPublicAgency } from './public-agency.ts';
import type { NoteChange, NoteRow, ReleaseDiff, ReleaseRow } from './release-rules.ts';

export interface ReleaseSummary {
  number: number;
  createdAt: Date;
  /** The counts of changed values, and every data note changed. */
  diff: Pick<ReleaseDiff, 'added' | 'changed' | 'removed'> & { notes: NoteChange[] };
  contentHash: string;
  previousHash: string | null;
  chainHash: string;
}

export interface Release extends ReleaseSummary {
  agency: { id: number; name: string };
  diff: ReleaseDiff & { notes: NoteChange[] };
  content: ReleaseRow[];
  notes: NoteRow[];
}

/** The columns of a release's summary (everything but its content). */
export const summaryColumns = {
  number: publicRelease.number,
  createdAt: publicRelease.createdAt,
  diff: publicRelease.diff,
  contentHash: publicRelease.contentHash,
  previousHash: publicRelease.previousHash,
  chainHash: publicRelease.chainHash,
};

/** A stored diff as a summary tells it; a release from before notes were released changed none. */
export function summaryDiff(stored: unknown): ReleaseSummary['diff'] {
  const { added, changed, removed, notes = [] } = stored as ReleaseDiff;
  return { added, changed, removed, notes };
}

export async function findReleases(db: Executor, input: { agencyId: number }): Promise<ReleaseSummary[]> {
  const { agency } = await getPublicAgency(db, input.agencyId);
  const rows = await db
    .select(summaryColumns)
    .from(publicRelease)
    .where(eq(publicRelease.agencyId, agency.id))
    .orderBy(desc(publicRelease.number));
  return rows.map((row) => ({ ...row, diff: summaryDiff(row.diff) }));
}

export async function getRelease(db: Executor, input: { agencyId: number; number: number }): Promise<Release> {
  const { agency } = await getPublicAgency(db, input.agencyId);
  const [row] = await db
    .select({ ...summaryColumns, content: publicRelease.content, notes: publicRelease.notes })
    .from(publicRelease)
    .where(and(eq(publicRelease.agencyId, agency.id), eq(publicRelease.number, input.number)));
  if (!row) throw notFound(`Release ${input.number} of agency ${agency.id}`);
  return {
    ...row,
    agency: { id: agency.id, name: agency.name },
    diff: { ...(row.diff as ReleaseDiff), notes: summaryDiff(row.diff).notes },
    content: row.content as ReleaseRow[],
    notes: (row.notes as NoteRow[] | null) ?? [],
  };
}

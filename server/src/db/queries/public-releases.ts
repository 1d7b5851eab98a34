/**
 * Makes the next release of an agency's public figures (values and data notes) when they differ
 * from its last release.
 * Called inside every transaction that can change what the public sees (publishing, unpublishing,
 * editing or uploading into a published record, deleting records, changing metric settings), so a
 * release commits or rolls back with the change that made it. The same values become the agency's
 * public snapshot, which public pages read (public-snapshot.ts).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { publicRelease, source } from '../schema.ts';
import { writePublicSnapshot } from './public-snapshots.ts';
import { computePublicValues } from './public-values.ts';
import {
  chainHash,
  contentHash,
  noteChanges,
  releaseContent,
  releaseDiff,
  releaseNotes,
  type NoteRow,
  type ReleaseRow,
} from '../../domain/public-data/release-rules.ts';

// Any fixed number: with the agency id it serialises the releases of one agency.
const RELEASE_LOCK = 7_301_943;
// Held from a release's insert to its commit, across agencies: release ids then follow commit order,
// so a harvester of the change feed that has seen id N never later finds a smaller id appear.
const RELEASE_ORDER_LOCK = 7_301_944;

export interface RecordReleaseInput {
  agencyId: number;
  /** Who made the change; null for the system (a job, the command line). */
  userId: number | null;
  now: Date;
}

export interface RecordedRelease {
  number: number;
  chainHash: string;
}

export async function recordPublicRelease(tx: Executor, input: RecordReleaseInput): Promise<RecordedRelease | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RELEASE_LOCK}, ${input.agencyId})`);
  const [agency] = await tx
    .select({ id: source.id, systems: source.systems })
    .from(source)
    .where(eq(source.id, input.agencyId));
  if (!agency) return null;
  const [last] = await tx
    .select()
    .from(publicRelease)
    .where(eq(publicRelease.agencyId, agency.id))
    .orderBy(desc(publicRelease.number))
    .limit(1);
  const { values, notes } = await computePublicValues(tx, agency);
  await writePublicSnapshot(tx, { agencyId: agency.id, values, notes, now: input.now });
  const content = releaseContent(values);
  const releasedNotes = releaseNotes(notes);
  const hash = contentHash(content, releasedNotes);
  if (last ? last.contentHash === hash : content.length === 0) return null;

  const number = (last?.number ?? 0) + 1;
  const previousHash = last?.chainHash ?? null;
  const link = { agencyId: agency.id, number, createdAt: input.now, contentHash: hash, previousHash };
  const row = {
    ...link,
    createdByUserId: input.userId,
    content,
    notes: releasedNotes.length === 0 ? null : releasedNotes,
    diff: {
      ...releaseDiff((last?.content as ReleaseRow[] | undefined) ?? [], content),
      notes: noteChanges((last?.notes as NoteRow[] | null | undefined) ?? [], releasedNotes),
    },
    chainHash: chainHash(link),
  };
  await tx.execute(sql`select pg_advisory_xact_lock(${RELEASE_ORDER_LOCK})`);
  await tx.insert(publicRelease).values(row);
  return { number, chainHash: row.chainHash };
}

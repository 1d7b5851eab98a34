/**
 * The public values of an agency, kept in one row (`public_snapshot`) that every transaction able
 * to change them rewrites (recordPublicRelease), so that public pages read that row instead of
 * scanning the agency's values. Each value is stored as a tuple, about a third of the size of the
 * same object in JSON.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { publicSnapshot } from '../schema.ts';
import type { DatapointRow } from './datapoints.ts';
import type { PublicNote } from './data-notes.ts';

type SnapshotValue = [
  id: number,
  reportId: number,
  startDate: string,
  endDate: string,
  metricKey: string,
  dimension: Record<string, string> | null,
  subDimensionName: string | null,
  value: string | null,
];

const toTuple = (row: DatapointRow): SnapshotValue => [
  row.id,
  row.reportId,
  row.startDate,
  row.endDate,
  row.metricKey,
  row.dimension,
  row.subDimensionName,
  row.value,
];

/** Every public value comes from a PUBLISHED record. */
const fromTuple = ([
  id,
  reportId,
  startDate,
  endDate,
  metricKey,
  dimension,
  subDimensionName,
  value,
]: SnapshotValue) => ({
  id,
  reportId,
  startDate,
  endDate,
  status: 'PUBLISHED' as const,
  metricKey,
  dimension,
  subDimensionName,
  value,
});

type SnapshotNote = [reportId: number, startDate: string, endDate: string, metricKey: string, text: string];

const noteTuple = (note: PublicNote): SnapshotNote => [
  note.reportId,
  note.startDate,
  note.endDate,
  note.metricKey,
  note.text,
];
const noteFromTuple = ([reportId, startDate, endDate, metricKey, text]: SnapshotNote): PublicNote => ({
  reportId,
  startDate,
  endDate,
  metricKey,
  text,
});

/** Replaces the agency's snapshot; in the transaction that changed what the public sees. */
export async function writePublicSnapshot(
  tx: Executor,
  input: { agencyId: number; values: readonly DatapointRow[]; notes: readonly PublicNote[]; now: Date },
): Promise<void> {
  const set = { refreshedAt: input.now, values: input.values.map(toTuple), notes: input.notes.map(noteTuple) };
  await tx
    .insert(publicSnapshot)
    .values({ agencyId: input.agencyId, ...set })
    .onConflictDoUpdate({ target: publicSnapshot.agencyId, set });
}

/**
 * The agency's public values and notes as last written, oldest period first; undefined when never
 * written. A snapshot from before notes existed has none (its agency had no notes then).
 */
export async function readPublicSnapshot(
  db: Executor,
  agencyId: number,
): Promise<{ values: DatapointRow[]; notes: PublicNote[] } | undefined> {
  const [row] = await db
    .select({ values: publicSnapshot.values, notes: publicSnapshot.notes })
    .from(publicSnapshot)
    .where(eq(publicSnapshot.agencyId, agencyId));
  if (!row) return undefined;
  const notes = (row.notes as SnapshotNote[] | null) ?? [];
  return { values: (row.values as SnapshotValue[]).map(fromTuple), notes: notes.map(noteFromTuple) };
}

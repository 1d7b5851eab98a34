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

/** Replaces the agency's snapshot; in the transaction that changed what the public sees. */
export async function writePublicSnapshot(
  tx: Executor,
  input: { agencyId: number; values: readonly DatapointRow[]; now: Date },
): Promise<void> {
  const row = { agencyId: input.agencyId, refreshedAt: input.now, values: input.values.map(toTuple) };
  await tx
    .insert(publicSnapshot)
    .values(row)
    .onConflictDoUpdate({ target: publicSnapshot.agencyId, set: { refreshedAt: row.refreshedAt, values: row.values } });
}

/** The agency's public values as last written, oldest period first; undefined when never written. */
export async function readPublicSnapshot(db: Executor, agencyId: number): Promise<DatapointRow[] | undefined> {
  const [row] = await db
    .select({ values: publicSnapshot.values })
    .from(publicSnapshot)
    .where(eq(publicSnapshot.agencyId, agencyId));
  return row ? (row.values as SnapshotValue[]).map(fromTuple) : undefined;
}

/**
 * Data notes: an agency's explanations of values flagged before publishing (publish-check-rules.ts).
 * Saved by the publish that needed them and kept with the record; the notes of published records go
 * public with the figures (public-values.ts keeps them in the agency's snapshot), and the members'
 * feed carries every record's. A note lives only while its flag stands as it was answered
 * (`dropStaleNotes`), so no figure is published with an explanation of another figure.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { dataNote, report } from '../schema.ts';
import { intArray } from '../sql-arrays.ts';
import { groupBy } from '../../lib/group-by.ts';
import { flagsOfRecord, type PublishCheckThresholds } from '../../domain/reports/publish-check-rules.ts';
import { loadDatapointRows } from './datapoints.ts';

export interface DataNoteRow {
  reportId: number;
  flagKey: string;
  metricKey: string;
  sentence: string;
  explanation: string;
}

/** An explanation with its record's period and metric, as the feeds and published data carry it. */
export interface PublicNote {
  reportId: number;
  startDate: string;
  endDate: string;
  metricKey: string;
  text: string;
}

export async function findDataNotes(db: Executor, reportIds: readonly number[]): Promise<DataNoteRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({
      reportId: dataNote.reportId,
      flagKey: dataNote.flagKey,
      metricKey: dataNote.metricKey,
      sentence: dataNote.sentence,
      explanation: dataNote.explanation,
    })
    .from(dataNote)
    .where(inArray(dataNote.reportId, [...reportIds]));
}

/** Writes each note, replacing the record's earlier note on the same flag. */
export async function saveDataNotes(
  tx: Executor,
  input: { notes: readonly DataNoteRow[]; userId: number | null; now: Date },
): Promise<void> {
  if (input.notes.length === 0) return;
  const rows = input.notes.map((note) => ({ ...note, createdByUserId: input.userId, createdAt: input.now }));
  await tx
    .insert(dataNote)
    .values(rows)
    .onConflictDoUpdate({
      target: [dataNote.reportId, dataNote.flagKey],
      set: {
        metricKey: sql`excluded.metric_key`,
        sentence: sql`excluded.sentence`,
        explanation: sql`excluded.explanation`,
        createdByUserId: sql`excluded.created_by_user_id`,
        createdAt: sql`excluded.created_at`,
      },
    });
}

const flagAsAnswered = (reportId: number, flagKey: string, sentence: string) => `${reportId} ${flagKey} ${sentence}`;

/**
 * Deletes the notes of these records whose flag no longer stands as it was answered: an edit made
 * the value ordinary, or changed the flag's sentence (which then needs a new explanation before
 * the record is published again). Called by every write of a record's values, in its transaction,
 * once for all the records it touched: records without notes cost one indexed read, and the flags
 * are computed only for records with notes.
 */
export async function dropStaleNotes(
  tx: Executor,
  input: { reportIds: Iterable<number>; limits: PublishCheckThresholds },
): Promise<void> {
  const reportIds = [...new Set(input.reportIds)];
  if (reportIds.length === 0) return;
  const notes = await tx
    .select({
      id: dataNote.id,
      reportId: dataNote.reportId,
      flagKey: dataNote.flagKey,
      sentence: dataNote.sentence,
      agencyId: report.sourceId,
    })
    .from(dataNote)
    .innerJoin(report, eq(report.id, dataNote.reportId))
    .where(sql`${dataNote.reportId} = any(${intArray(reportIds)})`);
  const stale: number[] = [];
  for (const [agencyId, agencyNotes] of groupBy(notes, (note) => note.agencyId)) {
    const rows = await loadDatapointRows(tx, agencyId);
    const noted = new Set(agencyNotes.map((note) => note.reportId));
    const standing = new Set(
      [...noted].flatMap((reportId) =>
        flagsOfRecord(reportId, rows, input.limits).map((flag) => flagAsAnswered(reportId, flag.key, flag.sentence)),
      ),
    );
    for (const note of agencyNotes) {
      if (!standing.has(flagAsAnswered(note.reportId, note.flagKey, note.sentence))) stale.push(note.id);
    }
  }
  if (stale.length > 0) await tx.delete(dataNote).where(inArray(dataNote.id, stale));
}

/** The notes of the agency's records (of those in `status` when given), oldest period first. */
export async function findAgencyNotes(
  db: Executor,
  agencyId: number,
  { status }: { status?: 'PUBLISHED' } = {},
): Promise<PublicNote[]> {
  return db
    .select({
      reportId: dataNote.reportId,
      startDate: report.dateRangeStart,
      endDate: report.dateRangeEnd,
      metricKey: dataNote.metricKey,
      text: dataNote.explanation,
    })
    .from(dataNote)
    .innerJoin(report, eq(report.id, dataNote.reportId))
    .where(and(eq(report.sourceId, agencyId), status ? eq(report.status, status) : undefined))
    .orderBy(report.dateRangeStart, dataNote.id);
}

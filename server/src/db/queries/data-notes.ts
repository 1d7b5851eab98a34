/**
 * Data notes: an agency's explanations of values flagged before publishing (publish-check-rules.ts).
 * Saved by the publish that needed them and kept with the record; the notes of published records go
 * public with the figures (public-values.ts keeps them in the agency's snapshot), and the members'
 * feed carries every record's.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { dataNote, report } from '../schema.ts';

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

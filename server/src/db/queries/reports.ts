/** Reads and writes of records (report rows) shared by more than one use case or job. */
import { asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { queryRows } from '../query-rows.ts';
import { report } from '../schema.ts';
import { utcDate, type ReportStatus } from '../../domain/reports/report-rules.ts';

export type ReportRow = typeof report.$inferSelect;
export type NewReportRow = typeof report.$inferInsert;

/**
 * Every insert of records goes through here (or insertReportsInBulk, for thousands). A record for
 * a period its agency already has is skipped (the unique key), so callers that race another writer
 * see only the rows they created.
 */
export async function insertReports(tx: Executor, rows: readonly NewReportRow[]): Promise<ReportRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(report)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

const BULK_FIELDS = [
  'sourceId',
  'type',
  'instance',
  'createdAt',
  'status',
  'dateRangeStart',
  'dateRangeEnd',
  'lastModifiedAt',
  'modifiedBy',
] as const;

/** What a record created in bulk sets: every column but the ones left to their defaults. */
export type NewReportInBulk = Required<Pick<NewReportRow, (typeof BULK_FIELDS)[number]>>;

/** A record created in bulk: its id and the agency and period it is for. */
export interface CreatedReportKey {
  id: number;
  sourceId: number;
  dateRangeStart: string;
  dateRangeEnd: string;
}

/** Column names and types come from the schema, as for insertReports. */
const bulkColumns = BULK_FIELDS.map((field) => getTableColumns(report)[field]);
const bulkColumnNames = sql.raw(bulkColumns.map((column) => `"${column.name}"`).join(', '));
const bulkRecordType = sql.raw(bulkColumns.map((column) => `"${column.name}" ${column.getSQLType()}`).join(', '));

/**
 * insertReports for many records at once (an upload creates thousands): one statement reading the
 * rows from one jsonb parameter, answering only the keys. Building a multi-row VALUES statement
 * through the query builder cost several times what the database took to insert the rows.
 * Records that exist already are skipped, as by insertReports.
 */
export async function insertReportsInBulk(tx: Executor, rows: readonly NewReportInBulk[]): Promise<CreatedReportKey[]> {
  if (rows.length === 0) return [];
  const recordset = rows.map((row) =>
    Object.fromEntries(bulkColumns.map((column, i) => [column.name, row[BULK_FIELDS[i]!]])),
  );
  return queryRows<CreatedReportKey & Record<string, unknown>>(
    tx,
    sql`insert into report (${bulkColumnNames})
        select ${bulkColumnNames} from jsonb_to_recordset(${JSON.stringify(recordset)}::jsonb) as r(${bulkRecordType})
        on conflict do nothing
        returning id, source_id as "sourceId", date_range_start::text as "dateRangeStart",
          date_range_end::text as "dateRangeEnd"`,
  );
}

/** One agency's records, latest-ending period first (an annual record before the monthly one ending the same day). */
export function agencyReports(db: Executor, agencyId: number): Promise<ReportRow[]> {
  return db
    .select()
    .from(report)
    .where(eq(report.sourceId, agencyId))
    .orderBy(desc(report.dateRangeEnd), asc(report.dateRangeStart), desc(report.id));
}

/** The editor id recorded for automatic (SFTP) uploads; shown as "Automatic Upload". */
export const AUTOMATIC_UPLOAD_EDITOR = -1;

export interface MarkReportsEditedInput {
  reportIds: readonly number[];
  /** Joins `modified_by`, or moves to its end; null (the system) leaves the editors alone. */
  editorId: number | null;
  /** The new status; undefined keeps each record's status. */
  status?: ReportStatus | undefined;
  now: Date;
}

/**
 * Report metadata after an edit, for many records in one statement (data entry, status changes,
 * bulk upload):
 * - `publish_date` becomes today when a record enters PUBLISHED (it is kept when unpublished);
 * - `modified_by` keeps first-edit order with the latest editor last;
 * - `last_modified_at` becomes now, and always moves forward, so each edit is a new version
 *   that a stale `time_loaded` can be compared against.
 *
 * Returns the records as they are now.
 */
export async function markReportsEdited(db: Executor, input: MarkReportsEditedInput): Promise<ReportRow[]> {
  if (input.reportIds.length === 0) return [];
  const status = input.status ?? null;
  const editor = input.editorId;
  const now = input.now.toISOString();
  return db
    .update(report)
    .set({
      status: sql`coalesce(${status}::reportstatus, ${report.status})`,
      publishDate: sql`case when ${status}::reportstatus = 'PUBLISHED' and ${report.status} <> 'PUBLISHED'
        then ${utcDate(input.now)}::date else ${report.publishDate} end`,
      modifiedBy:
        editor === null
          ? sql`${report.modifiedBy}`
          : sql`array_append(array_remove(coalesce(${report.modifiedBy}, '{}'::int[]), ${editor}::int), ${editor}::int)`,
      lastModifiedAt: sql`greatest(${now}::timestamptz, ${report.lastModifiedAt} + interval '1 millisecond')`,
    })
    .where(inArray(report.id, [...input.reportIds]))
    .returning();
}

/**
 * Report metadata after an edit, for many records in one statement: status, publish date, editors
 * and version. Used by data entry, status changes and bulk upload.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { ReportRow } from './get-report.ts';
import { utcDate, type ReportStatus } from './report-rules.ts';

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
 * - `publish_date` becomes today when a record enters PUBLISHED (it is kept when unpublished);
 * - `modified_by` keeps first-edit order with the latest editor last;
 * - `last_modified_at` becomes now, and always moves forward, so each edit is a new version
 *   that a stale `time_loaded` can be compared against.
 */
/** Returns the records as they are now. */
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

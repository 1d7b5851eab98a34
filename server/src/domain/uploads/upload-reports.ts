/**
 * The records an upload writes into: found by agency and period, created (as drafts) where none
 * exists. Runs inside the upload's transaction, so a failed upload leaves no empty record behind.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { queryRows } from '../../db/query-rows.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { reportInstance, utcDate } from '../reports/report-rules.ts';
import type { Period } from './upload-row.ts';
import { type NewReportInBulk, type ReportRow, insertReportsInBulk } from '../../db/queries/reports.ts';

export interface PeriodOfAgency {
  agencyId: number;
  period: Period;
}

export interface UploadReports {
  /** Record id by periodKey(). */
  idOf: Map<string, number>;
  existing: ReportRow[];
  /** Ids of the records the upload created. */
  created: number[];
}

export const reportKey = (agencyId: number, period: { start: string; end: string }) =>
  JSON.stringify([agencyId, period.start, period.end]);

async function findExisting(tx: Tx, wanted: readonly PeriodOfAgency[]): Promise<ReportRow[]> {
  const keys = wanted.map(({ agencyId, period }) => ({ source_id: agencyId, start: period.start, end: period.end }));
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select distinct on (r.source_id, r.date_range_start, r.date_range_end) r.id
        from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(source_id int, start date, "end" date)
        join report r on r.source_id = k.source_id and r.date_range_start = k.start and r.date_range_end = k."end"
        order by r.source_id, r.date_range_start, r.date_range_end, r.id`,
  );
  if (rows.length === 0) return [];
  return tx
    .select()
    .from(report)
    .where(
      inArray(
        report.id,
        rows.map((row) => row.id),
      ),
    );
}

function newReport(actor: Actor, { agencyId, period }: PeriodOfAgency, now: Date): NewReportInBulk {
  return {
    sourceId: agencyId,
    type: period.frequency,
    instance: reportInstance(period.frequency, period.start),
    createdAt: utcDate(now),
    status: 'DRAFT',
    dateRangeStart: period.start,
    dateRangeEnd: period.end,
    lastModifiedAt: now,
    modifiedBy: actor.userId === null ? [] : [actor.userId],
  };
}

/** Every record the periods need, creating the missing ones; a record made meanwhile by someone else is reused. */
export async function findOrCreateReports(
  tx: Tx,
  actor: Actor,
  wanted: readonly PeriodOfAgency[],
  now: Date,
): Promise<UploadReports> {
  const unique = [...new Map(wanted.map((item) => [reportKey(item.agencyId, item.period), item])).values()];
  if (unique.length === 0) return { idOf: new Map(), existing: [], created: [] };
  const existing = await findExisting(tx, unique);
  const idOf = new Map(
    existing.map((row) => [reportKey(row.sourceId, { start: row.dateRangeStart, end: row.dateRangeEnd }), row.id]),
  );
  const missing = unique.filter((item) => !idOf.has(reportKey(item.agencyId, item.period)));
  const created = await insertReportsInBulk(
    tx,
    missing.map((item) => newReport(actor, item, now)),
  );
  for (const row of created) {
    idOf.set(reportKey(row.sourceId, { start: row.dateRangeStart, end: row.dateRangeEnd }), row.id);
  }
  const raced = missing.filter((item) => !idOf.has(reportKey(item.agencyId, item.period)));
  const reused = raced.length === 0 ? [] : await findExisting(tx, raced);
  for (const row of reused) {
    idOf.set(reportKey(row.sourceId, { start: row.dateRangeStart, end: row.dateRangeEnd }), row.id);
  }
  return { idOf, existing: [...existing, ...reused], created: created.map((row) => row.id) };
}

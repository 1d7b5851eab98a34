/**
 * The records list: every record of one agency, latest-ending period first (an annual record
 * before the monthly one ending on the same day), with its editors.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getAgencyForAction, type AgencyOrId, type AgencyRef } from '../permissions.ts';
import type { ReportRow } from './get-report.ts';
import { loadEditors, type Editor } from './report-editors.ts';

export interface ReportSummary {
  report: ReportRow;
  editors: Editor[];
}

/** Pairs records with their editors: one query for all of them. */
export async function summarize(
  db: Executor,
  viewer: Actor,
  agency: AgencyRef,
  reports: readonly ReportRow[],
): Promise<ReportSummary[]> {
  const editorsOf = await loadEditors(
    db,
    viewer,
    agency,
    reports.map((r) => r.modifiedBy),
  );
  return reports.map((r) => ({ report: r, editors: editorsOf(r.modifiedBy) }));
}

export async function findAgencyReports(db: Executor, actor: Actor, agencyOrId: AgencyOrId): Promise<ReportSummary[]> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', agencyOrId);
  const reports = await db
    .select()
    .from(report)
    .where(eq(report.sourceId, agency.id))
    .orderBy(desc(report.dateRangeEnd), asc(report.dateRangeStart), desc(report.id));
  return summarize(db, actor, agency, reports);
}

/** Several records of one agency by id, in the order asked; an id outside the agency is not found. */
export async function getAgencyReportsByIds(
  db: Executor,
  agencyId: number,
  reportIds: readonly number[],
  options: { lock?: boolean } = {},
): Promise<ReportRow[]> {
  const query = db
    .select()
    .from(report)
    .where(and(eq(report.sourceId, agencyId), inArray(report.id, [...reportIds])))
    .orderBy(report.id);
  const rows = options.lock ? await query.for('update') : await query;
  const missing = reportIds.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length > 0) {
    throw notFound(`Record${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of agency ${agencyId}`);
  }
  return reportIds.map((id) => rows.find((row) => row.id === id)!);
}

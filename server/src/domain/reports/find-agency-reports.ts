/**
 * The records list: every record of one agency, latest-ending period first (an annual record
 * before the monthly one ending on the same day), with its editors.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { summarize, type ReportSummary } from '../../db/queries/report-editors.ts';
import { type ReportRow, agencyReports } from '../../db/queries/reports.ts';

export async function findAgencyReports(db: Executor, actor: Actor, agencyOrId: AgencyOrId): Promise<ReportSummary[]> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', agencyOrId);
  return summarize(db, actor, agency, await agencyReports(db, agency.id));
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

/** GET /api/reports/:id: one record for the data-entry form, for members of its agency. */
import type { Executor } from '../../db/database.ts';
import { loadReportPage, type ReportPage } from '../../db/queries/report-page.ts';
import type { Actor } from '../actor.ts';
import { getReportForAction } from './get-report.ts';

export async function getReportPage(db: Executor, actor: Actor, reportId: number): Promise<ReportPage> {
  return loadReportPage(db, actor, await getReportForAction(db, actor, 'reports.view', reportId));
}

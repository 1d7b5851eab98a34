/** Several records of one agency with their values, for the review pages (`GET /api/reports`). */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { loadDatapointRows, type DatapointRow } from '../../db/queries/datapoints.ts';
import { getAgencyForAction } from '../permissions.ts';
import { getAgencyReportsByIds } from './find-agency-reports.ts';
import { summarize, type ReportSummary } from '../../db/queries/report-editors.ts';

export interface ReportWithDatapoints extends ReportSummary {
  datapoints: DatapointRow[];
}

export async function findReportsWithDatapoints(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; reportIds: readonly number[] },
): Promise<ReportWithDatapoints[]> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agencyId);
  const reportIds = [...new Set(input.reportIds)];
  const reports = await getAgencyReportsByIds(db, agency.id, reportIds);
  const [summaries, datapoints] = await Promise.all([
    summarize(db, actor, agency, reports),
    loadDatapointRows(db, agency.id, { reportIds }),
  ]);
  return summaries.map((summary) => ({
    ...summary,
    datapoints: datapoints.filter((d) => d.reportId === summary.report.id),
  }));
}

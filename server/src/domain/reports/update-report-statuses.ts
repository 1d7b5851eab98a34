/**
 * Publishing or unpublishing many records at once (`PATCH /api/reports`). Unlike the reference,
 * every record must belong to the named agency, and the actor must be allowed to publish there.
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { getAgencyReportsByIds, summarize, type ReportSummary } from './find-agency-reports.ts';
import { markReportsEdited } from './mark-reports-edited.ts';
import type { ReportStatus } from './report-rules.ts';

export interface UpdateReportStatusesInput {
  agencyId: number;
  reportIds: readonly number[];
  status: ReportStatus;
  now: Date;
}

export async function updateReportStatuses(
  db: Executor,
  actor: Actor,
  input: UpdateReportStatusesInput,
): Promise<ReportSummary[]> {
  return db.transaction(async (tx) => {
    const agency = await getAgencyForAction(tx, actor, 'reports.publish', input.agencyId);
    const reportIds = [...new Set(input.reportIds)];
    await getAgencyReportsByIds(tx, agency.id, reportIds, { lock: true });
    await markReportsEdited(tx, { reportIds, editorId: actor.userId, status: input.status, now: input.now });
    return summarize(tx, actor, agency, await getAgencyReportsByIds(tx, agency.id, reportIds));
  });
}

/**
 * Publishing or unpublishing many records at once (`PATCH /api/reports`). Unlike the reference,
 * every record must belong to the named agency, the actor must be allowed to publish there, and
 * each record comes with the version the caller loaded: one changed since refuses them all (409).
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import { getAgencyReportsByIds } from './find-agency-reports.ts';
import { markReportsEdited } from '../../db/queries/reports.ts';
import { refuseStaleRecords, requireVersions, type RecordVersion } from './record-versions.ts';
import type { ReportStatus } from './report-rules.ts';
import type { PublishCheckThresholds } from './publish-check-rules.ts';
import { requireExplanations, type FlagExplanation } from './publish-flags.ts';
import { summarize, type ReportSummary } from '../../db/queries/report-editors.ts';

export interface UpdateReportStatusesInput {
  agencyId: number;
  /** Required (428 without); undefined only when the request left it out. */
  reports: readonly RecordVersion[] | undefined;
  status: ReportStatus;
  /** Of the values flagged in the records this publishes (publish-flags.ts). */
  explanations: readonly FlagExplanation[];
  /** The deployment's thresholds for flags. */
  checks: PublishCheckThresholds;
  now: Date;
}

export async function updateReportStatuses(
  db: Executor,
  actor: Actor,
  input: UpdateReportStatusesInput,
): Promise<ReportSummary[]> {
  return db.transaction(async (tx) => {
    const agency = await getAgencyForAction(tx, actor, 'reports.publish', input.agencyId);
    const versions = requireVersions(input.reports);
    const reportIds = [...new Set(versions.map((version) => version.id))];
    const records = await getAgencyReportsByIds(tx, agency.id, reportIds, { lock: true });
    refuseStaleRecords(records, versions, input.now);
    if (input.status === 'PUBLISHED') {
      await requireExplanations(tx, {
        agencyId: agency.id,
        reportIds: records.filter((record) => record.status !== 'PUBLISHED').map((record) => record.id),
        explanations: input.explanations,
        limits: input.checks,
        userId: actor.userId,
        now: input.now,
      });
    }
    await markReportsEdited(tx, { reportIds, editorId: actor.userId, status: input.status, now: input.now });
    await recordPublicRelease(tx, { agencyId: agency.id, userId: actor.userId, now: input.now });
    return summarize(tx, actor, agency, await getAgencyReportsByIds(tx, agency.id, reportIds));
  });
}

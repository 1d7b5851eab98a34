/**
 * Saving the data-entry form (`PATCH /api/reports/:id`): the status and any metric values, in one
 * transaction that holds the record's lock from the version check to the last write, so a save
 * without a version (428) or based on a stale one (409 version_conflict) never overwrites someone else.
 */
import type { Executor, Tx } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { writeDatapoints } from '../../db/queries/write-datapoints.ts';
import { DomainError } from '../errors.ts';
import { currentSettings } from '../../db/queries/current-settings.ts';
import { assertCan } from '../permissions.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import { requestPublicRefresh } from '../../db/queries/public-refresh.ts';
import { getReportForAction, type ReportWithAgency } from './get-report.ts';
import { markReportsEdited } from '../../db/queries/reports.ts';
import { changesFromReportMetrics, type ReportMetricInput } from './report-changes.ts';
import { loadKeysWithData } from '../../db/queries/report-datapoints.ts';
import { isStale, requireVersion } from './record-versions.ts';
import { metricsOnReport } from './report-metrics-rules.ts';
import type { ReportStatus } from './report-rules.ts';
import type { PublishCheckThresholds } from './publish-check-rules.ts';
import { requireExplanations, type FlagExplanation } from './publish-flags.ts';
import { summarize, type ReportSummary } from '../../db/queries/report-editors.ts';
import { dropStaleNotes } from '../../db/queries/data-notes.ts';

export interface UpdateReportInput {
  reportId: number;
  status: ReportStatus;
  /** Epoch seconds of the version the client loaded (required, record-versions.ts); a later change by anyone is a conflict. */
  timeLoaded?: number | undefined;
  metrics: readonly ReportMetricInput[];
  /** Of the values flagged when this save publishes the record (publish-flags.ts). */
  explanations: readonly Omit<FlagExplanation, 'reportId'>[];
  /** The deployment's thresholds for flags. */
  checks: PublishCheckThresholds;
  now: Date;
}

async function refuseIfStale(db: Executor, actor: Actor, found: ReportWithAgency, input: UpdateReportInput) {
  const { report, agency } = found;
  const timeLoaded = requireVersion(input.timeLoaded, 'time_loaded');
  if (!isStale(report, timeLoaded, 'time_loaded', input.now)) return;
  const at = report.lastModifiedAt?.toISOString().slice(0, 16).replace('T', ' ');
  if (report.modifiedBy?.at(-1) === actor.userId) {
    throw new DomainError(
      'version_conflict',
      `You changed this record in another tab or window since this page was opened (last saved at ${at} UTC). ` +
        'Reload the page to see the latest values, then make your change again.',
    );
  }
  const [summary] = await summarize(db, actor, agency, [report]);
  const by = summary?.editors[0] ? ` by ${summary.editors[0].name}` : '';
  throw new DomainError(
    'version_conflict',
    `Someone else has edited this record since you opened it (last saved${by} at ${at} UTC). ` +
      'Reload the page to see their changes, then make yours again.',
  );
}

async function writeMetrics(tx: Tx, actor: Actor, found: ReportWithAgency, input: UpdateReportInput) {
  if (input.metrics.length === 0) return 0;
  const { report, agency } = found;
  const onReport = metricsOnReport({
    isSuperagency: agency.isSuperagency === true,
    record: report,
    settings: (await currentSettings(tx, agency)).resolved,
    keysWithData: await loadKeysWithData(tx, report.id),
  });
  const changes = changesFromReportMetrics(report.id, onReport, input.metrics);
  const result = await writeDatapoints(tx, actor, { method: 'MANUAL_ENTRY', changes, now: input.now });
  return result.written.length;
}

export async function updateReport(db: Executor, actor: Actor, input: UpdateReportInput): Promise<ReportSummary> {
  return db.transaction(async (tx) => {
    const found = await getReportForAction(tx, actor, 'reports.edit', input.reportId, { lock: true });
    const statusChanges = found.report.status !== input.status;
    const publishing = input.status === 'PUBLISHED' || found.report.status === 'PUBLISHED';
    if (statusChanges && publishing) assertCan(actor, 'reports.publish', found.agency);
    await refuseIfStale(tx, actor, found, input);
    const written = await writeMetrics(tx, actor, found, input);
    if (written > 0) await dropStaleNotes(tx, { reportIds: [found.report.id], limits: input.checks });
    if (statusChanges && input.status === 'PUBLISHED') {
      await requireExplanations(tx, {
        agencyId: found.agency.id,
        reportIds: [found.report.id],
        explanations: input.explanations.map((e) => ({ ...e, reportId: found.report.id })),
        limits: input.checks,
        userId: actor.userId,
        now: input.now,
      });
    }
    const [edited] =
      statusChanges || written > 0
        ? await markReportsEdited(tx, {
            reportIds: [found.report.id],
            editorId: actor.userId,
            status: input.status,
            now: input.now,
          })
        : [];
    const publicChange = { agencyId: found.agency.id, userId: actor.userId, now: input.now };
    // Publishing or unpublishing shows at once; new values in a published record are recomputed
    // just after, once for a burst of saves (refresh-public-figures.ts), so a save stays cheap.
    if (publishing && edited && statusChanges) await recordPublicRelease(tx, publicChange);
    else if (publishing && edited) await requestPublicRefresh(tx, publicChange);
    const [summary] = await summarize(tx, actor, found.agency, [edited ?? found.report]);
    return summary!;
  });
}

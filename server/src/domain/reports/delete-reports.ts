/**
 * Justice Counts admins delete records; their datapoints and history go with them (cascade). Each
 * record comes with the version the caller loaded: one changed since refuses them all (409).
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import { getAgencyReportsByIds } from './find-agency-reports.ts';
import { refuseStaleRecords, requireVersions, type RecordVersion } from './record-versions.ts';

export interface DeleteReportsInput {
  agencyId: number;
  /** Required (428 without); undefined only when the request left it out. */
  reports: readonly RecordVersion[] | undefined;
  now: Date;
}

export async function deleteReports(db: Executor, actor: Actor, input: DeleteReportsInput): Promise<void> {
  await db.transaction(async (tx) => {
    const agency = await getAgencyForAction(tx, actor, 'reports.delete', input.agencyId);
    const versions = requireVersions(input.reports);
    const reportIds = [...new Set(versions.map((version) => version.id))];
    const records = await getAgencyReportsByIds(tx, agency.id, reportIds, { lock: true });
    refuseStaleRecords(records, versions, input.now);
    await tx.delete(report).where(inArray(report.id, reportIds));
    await recordPublicRelease(tx, { agencyId: agency.id, userId: actor.userId, now: input.now });
  });
}

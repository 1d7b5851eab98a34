/** Justice Counts admins delete records; their datapoints and history go with them (cascade). */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { getAgencyReportsByIds } from './find-agency-reports.ts';

export interface DeleteReportsInput {
  agencyId: number;
  reportIds: readonly number[];
}

export async function deleteReports(db: Executor, actor: Actor, input: DeleteReportsInput): Promise<void> {
  await db.transaction(async (tx) => {
    const agency = await getAgencyForAction(tx, actor, 'reports.delete', input.agencyId);
    const reportIds = [...new Set(input.reportIds)];
    await getAgencyReportsByIds(tx, agency.id, reportIds, { lock: true });
    await tx.delete(report).where(inArray(report.id, reportIds));
  });
}

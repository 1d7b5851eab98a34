/**
 * GET /api/reports/flags: what publishing these records would need explained (publish-flags.ts),
 * for Review to list and the explain-before-publish dialog to ask about.
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { getAgencyReportsByIds } from './find-agency-reports.ts';
import type { PublishCheckThresholds } from './publish-check-rules.ts';
import { flagsOfRecords, type ExplainedFlag } from './publish-flags.ts';

export interface FindPublishFlagsInput {
  agencyId: number;
  reportIds: readonly number[];
  limits: PublishCheckThresholds;
}

export async function findPublishFlags(
  db: Executor,
  actor: Actor,
  input: FindPublishFlagsInput,
): Promise<ExplainedFlag[]> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agencyId);
  const reportIds = [...new Set(input.reportIds)];
  await getAgencyReportsByIds(db, agency.id, reportIds);
  return flagsOfRecords(db, { agencyId: agency.id, reportIds, limits: input.limits });
}

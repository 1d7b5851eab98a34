/**
 * The version of a record page (GET /api/reports/:id) for the viewer: changes whenever anything the
 * page shows changes (db/queries/data-versions.ts), without reading the values themselves.
 */
import type { Executor } from '../../db/database.ts';
import { recordPageVersion } from '../../db/queries/data-versions.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { viewerVersion } from '../../db/queries/report-editors.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export async function getReportPageVersion(
  db: Executor,
  actor: Actor,
  input: { reportId: number; gatedAgency: AgencyRow | null | undefined },
): Promise<string> {
  const found = await recordPageVersion(db, input.reportId);
  if (!found) throw notFound(`Record ${input.reportId}`);
  const known = input.gatedAgency?.id === found.agencyId ? input.gatedAgency : found.agencyId;
  const agency = await getAgencyForAction(db, actor, 'reports.view', known);
  return `${viewerVersion(actor, agency)}|${found.version}`;
}

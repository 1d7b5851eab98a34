/** The version of an agency's records list for the viewer (db/queries/data-versions.ts). */
import type { Executor } from '../../db/database.ts';
import { recordsListVersion } from '../../db/queries/data-versions.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { viewerVersion } from '../../db/queries/report-editors.ts';

export async function getAgencyReportsVersion(db: Executor, actor: Actor, input: { agency: AgencyOrId }) {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agency);
  return `${viewerVersion(actor, agency)}|${await recordsListVersion(db, agency.id)}`;
}

/** Every value of every record of an agency, for the Explore Data charts (any status, flagged). */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { loadDatapointRows, type DatapointRow } from '../../db/queries/datapoints.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export interface AgencyDatapoints {
  agency: AgencyRow;
  datapoints: DatapointRow[];
}

export async function findAgencyDatapoints(db: Executor, actor: Actor, agencyId: number): Promise<AgencyDatapoints> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', agencyId);
  return { agency, datapoints: await loadDatapointRows(db, agency.id) };
}

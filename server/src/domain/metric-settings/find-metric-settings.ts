/** GET /api/agencies/:id/metrics: every metric of the agency's sectors with its effective settings. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { currentSettings, type MetricWithSetting } from '../../db/queries/current-settings.ts';

export type { MetricWithSetting };

/** The same array (never to be changed) for as long as the agency's settings stay the same. */
export async function findMetricSettings(
  db: Executor,
  actor: Actor,
  input: { agency: AgencyOrId },
): Promise<readonly MetricWithSetting[]> {
  const agency = await getAgencyForAction(db, actor, 'metrics.view', input.agency);
  return (await currentSettings(db, agency)).metrics;
}

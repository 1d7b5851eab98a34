/** The version of an agency's metric settings page: its sectors and stored settings (db/queries/data-versions.ts). */
import type { Executor } from '../../db/database.ts';
import { metricSettingsVersion } from '../../db/queries/data-versions.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';

export async function getMetricSettingsVersion(db: Executor, actor: Actor, input: { agency: AgencyOrId }) {
  const agency = await getAgencyForAction(db, actor, 'metrics.view', input.agency);
  return (await metricSettingsVersion(db, agency.id)) ?? '';
}

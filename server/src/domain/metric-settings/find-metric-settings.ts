/** GET /api/agencies/:id/metrics: every metric of the agency's sectors with its effective settings. */
import type { MetricDef } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { loadStoredSettings } from './resolve-metric-settings.ts';
import { metricsOfSystems, withInvariants } from './setting-rules.ts';
import type { StoredMetricSetting } from './stored-setting.ts';

export interface MetricWithSetting {
  metric: MetricDef;
  /** The stored document (or an empty one) with the read-time invariants applied. */
  setting: StoredMetricSetting;
}

export async function findMetricSettings(
  db: Executor,
  actor: Actor,
  input: { agency: AgencyOrId },
): Promise<MetricWithSetting[]> {
  const agency = await getAgencyForAction(db, actor, 'metrics.view', input.agency);
  const stored = await loadStoredSettings(db, agency.id);
  return metricsOfSystems(agency.systems).map((metric) => ({
    metric,
    setting: withInvariants(metric, stored.get(metric.key)),
  }));
}

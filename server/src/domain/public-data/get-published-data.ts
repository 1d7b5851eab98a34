/**
 * GET /api/agencies/:id/published_data: every metric of the agency's sectors with its settings,
 * and the values the public may see (public-rules.ts) from its PUBLISHED records.
 */
import type { Executor } from '../../db/database.ts';
import { loadDatapointRows, type DatapointRow } from '../datapoints/datapoint-rows.ts';
import type { MetricWithSetting } from '../metric-settings/find-metric-settings.ts';
import { loadStoredSettings } from '../metric-settings/resolve-metric-settings.ts';
import { metricsOfSystems, withInvariants } from '../metric-settings/setting-rules.ts';
import { getPublicAgency, type PublicAgency } from './public-agency.ts';
import { publicValueFilter } from './public-rules.ts';

export interface PublishedData extends PublicAgency {
  metrics: MetricWithSetting[];
  /** Public values only, oldest period first. */
  datapoints: DatapointRow[];
}

export async function getPublishedData(db: Executor, input: { agencyId: number }): Promise<PublishedData> {
  const { agency, settings } = await getPublicAgency(db, input.agencyId);
  const [stored, rows] = await Promise.all([
    loadStoredSettings(db, agency.id),
    loadDatapointRows(db, agency.id, { status: 'PUBLISHED' }),
  ]);
  const metrics = metricsOfSystems(agency.systems);
  const isPublic = publicValueFilter(metrics, stored);
  return {
    agency,
    settings,
    metrics: metrics.map((metric) => ({ metric, setting: withInvariants(metric, stored.get(metric.key)) })),
    datapoints: rows.filter(isPublic),
  };
}

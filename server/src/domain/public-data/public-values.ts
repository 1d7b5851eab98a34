/**
 * The values of an agency the public may see, whether or not its dashboard is on: values of its
 * PUBLISHED records that pass the public filter (public-rules.ts). The dashboard, the public feed
 * and the public releases all read them here.
 */
import type { Executor } from '../../db/database.ts';
import { loadDatapointRows, type DatapointRow } from '../datapoints/datapoint-rows.ts';
import { loadStoredSettings } from '../metric-settings/resolve-metric-settings.ts';
import type { StoredMetricSetting } from '../metric-settings/stored-setting.ts';
import { metricsOfSystems } from '../metric-settings/setting-rules.ts';
import { publicValueFilter } from './public-rules.ts';

export interface PublicValues {
  stored: ReadonlyMap<string, StoredMetricSetting>;
  values: DatapointRow[];
}

export async function loadPublicValues(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<PublicValues> {
  const [stored, rows] = await Promise.all([
    loadStoredSettings(db, agency.id),
    loadDatapointRows(db, agency.id, { status: 'PUBLISHED' }),
  ]);
  return { stored, values: rows.filter(publicValueFilter(metricsOfSystems(agency.systems), stored)) };
}

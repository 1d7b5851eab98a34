/**
 * The values of an agency the public may see, whether or not its dashboard is on: values of its
 * PUBLISHED records that pass the public filter (public-rules.ts). They are computed from the
 * records (`computePublicValues`) only when they may have changed, by recordPublicRelease, which
 * keeps them in the agency's snapshot (public-snapshot.ts); the dashboard and the public feed read
 * that (`loadPublicValues`).
 */
import type { Executor } from '../database.ts';
import { readTogether } from '../read-together.ts';
import { loadDatapointRows, type DatapointRow } from './datapoints.ts';
import { loadStoredSettings } from './settings.ts';
import type { StoredMetricSetting } from '../../domain/metric-settings/stored-setting-rules.ts';
import { metricsOfSystems } from '../../domain/metric-settings/setting-rules.ts';
import { publicValueFilter } from '../../domain/public-data/public-rules.ts';
import { readPublicSnapshot } from './public-snapshots.ts';
import { findAgencyNotes, type PublicNote } from './data-notes.ts';

export interface PublicValues {
  stored: ReadonlyMap<string, StoredMetricSetting>;
  values: DatapointRow[];
  /** Explanations of flagged values, only for a record and metric with public values. */
  notes: PublicNote[];
}

/** From the records themselves: a scan of the agency's published values. */
export async function computePublicValues(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<PublicValues> {
  const [stored, rows, notes] = await readTogether(db, [
    () => loadStoredSettings(db, agency.id),
    () => loadDatapointRows(db, agency.id, { status: 'PUBLISHED' }),
    () => findAgencyNotes(db, agency.id, { status: 'PUBLISHED' }),
  ]);
  const values = rows.filter(publicValueFilter(metricsOfSystems(agency.systems), stored));
  const shown = new Set(values.map((value) => `${value.reportId} ${value.metricKey}`));
  return { stored, values, notes: notes.filter((note) => shown.has(`${note.reportId} ${note.metricKey}`)) };
}

/**
 * From the agency's snapshot. An agency without one has had no change to its public figures since
 * the snapshot table was added: computed then, until its next change writes the snapshot.
 */
export async function loadPublicValues(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<PublicValues> {
  const [stored, snapshot] = await readTogether(db, [
    () => loadStoredSettings(db, agency.id),
    () => readPublicSnapshot(db, agency.id),
  ]);
  return snapshot ? { stored, ...snapshot } : computePublicValues(db, agency);
}

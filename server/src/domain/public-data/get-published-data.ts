/**
 * GET /api/agencies/:id/published_data: every metric of the agency's sectors with its settings,
 * and the values the public may see (public-rules.ts) from its PUBLISHED records, with the
 * jurisdiction's population by year.
 */
import type { Executor } from '../../db/database.ts';
import type { DatapointRow } from '../../db/queries/datapoints.ts';
import { getPublicAgency, type PublicAgency } from './public-agency.ts';
import { loadPublicValues } from '../../db/queries/public-values.ts';
import { metricsWithSettings, type MetricWithSetting } from '../../db/queries/current-settings.ts';
import type { PublicNote } from '../../db/queries/data-notes.ts';
import { loadAgencyPopulation, populationByYear } from '../../db/queries/agency-population.ts';

export interface PublishedData extends PublicAgency {
  metrics: MetricWithSetting[];
  /** Public values only, oldest period first. */
  datapoints: DatapointRow[];
  /** The agency's explanations of flagged public values (data notes). */
  notes: PublicNote[];
  /** Year → people in the jurisdiction, as the agency or staff gave it: the base of rates. */
  populationByYear: Record<string, number>;
}

export async function getPublishedData(db: Executor, input: { agencyId: number }): Promise<PublishedData> {
  const { agency, settings } = await getPublicAgency(db, input.agencyId);
  const { stored, values, notes } = await loadPublicValues(db, agency);
  const population = await loadAgencyPopulation(db, agency.id);
  return {
    agency,
    settings,
    metrics: await metricsWithSettings(db, agency, stored),
    datapoints: values,
    notes,
    populationByYear: populationByYear(population),
  };
}

/**
 * Participation across every agency, for Justice Counts staff: each agency's totals with its
 * state and county (for the map), and the agencies put together by state, county and sector.
 */
import { isSystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import { allAgencies, type AgencyRow } from '../../db/queries/agencies.ts';
import { countyOf, type County } from '../../lib/us-counties.ts';
import type { Actor } from '../actor.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { periodsOfSystem, summarize, type CompletenessSummary } from './completeness-rules.ts';
import { loadCompleteness } from './load-completeness.ts';
import { isReporting, participation, type Participant, type ParticipationGroup } from './participation-rules.ts';

export interface AgencyParticipation {
  agency: AgencyRow;
  county: County | null;
  isReporting: boolean;
  summary: CompletenessSummary;
}

export interface StaffCompleteness {
  agencies: AgencyParticipation[];
  /** Grouped by `us_xx` state code. */
  states: ParticipationGroup[];
  /** Grouped by county GEOID. */
  counties: ParticipationGroup[];
  /** Grouped by sector: each agency's metrics of that sector. */
  sectors: ParticipationGroup[];
  summary: CompletenessSummary;
}

export async function findCompletenessForStaff(
  db: Executor,
  actor: Actor,
  input: { today: string },
): Promise<StaffCompleteness> {
  assertPlatformAdmin(actor);
  const agencies = await allAgencies(db);
  const byAgency = await loadCompleteness(db, agencies, input.today);
  const rows = agencies.map((agency) => {
    const periods = byAgency.get(agency.id) ?? [];
    return { agency, periods, county: countyOf(agency.stateCode, agency.fipsCountyCode) };
  });
  const states: Participant[] = rows.flatMap(({ agency, periods }) =>
    agency.stateCode ? [{ group: agency.stateCode.toLowerCase(), periods }] : [],
  );
  const counties: Participant[] = rows.flatMap(({ county, periods }) =>
    county ? [{ group: county.geoid, periods }] : [],
  );
  const sectors: Participant[] = rows.flatMap(({ agency, periods }) =>
    (agency.systems ?? [])
      .filter(isSystemName)
      .map((system) => ({ group: system, periods: periodsOfSystem(periods, system) })),
  );
  return {
    agencies: rows.map(({ agency, periods, county }) => ({
      agency,
      county,
      isReporting: isReporting(periods),
      summary: summarize(periods),
    })),
    states: participation(states),
    counties: participation(counties),
    sectors: participation(sectors),
    summary: summarize(rows.flatMap((row) => row.periods)),
  };
}

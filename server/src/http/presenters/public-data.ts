/** Wire shapes of the public side: the dashboard payload (§3.8) and the lists of agencies. */
import type { DatapointFull } from '../../contract/datapoints.ts';
import type {
  DashboardAgencyJson,
  PublicAgencyJson,
  PublishedDataResponse,
  PublishedMetricJson,
} from '../../contract/public-data.ts';
import { stateGeoid, US_STATES } from '../../contract/us-states.ts';
import type { DatapointRow } from '../../db/queries/datapoints.ts';
import type { DashboardAgency } from '../../domain/public-data/find-dashboard-agencies.ts';
import type { PublishedData } from '../../domain/public-data/get-published-data.ts';
import { sectorsOf } from '../../domain/public-data/public-agency.ts';
import { presentDatapoint } from './datapoints.ts';
import { presentMetricSetting } from './metric-settings.ts';
import type { MetricWithSetting } from '../../db/queries/current-settings.ts';
import type { PublicNote } from '../../db/queries/data-notes.ts';

export function presentPublicAgency({ agency, settings, populationByYear }: PublishedData): PublicAgencyJson {
  return {
    id: agency.id,
    is_dashboard_enabled: agency.isDashboardEnabled === true,
    name: agency.name,
    settings: settings.map((s) => ({ setting_type: s.settingType, value: s.value })),
    systems: sectorsOf(agency),
    population: { total: populationByYear },
  };
}

/** Empty groups are null, not [], as the reference's dashboard expects. */
const orNull = (list: DatapointFull[]) => (list.length > 0 ? list : null);

export function presentPublishedMetric(
  withSetting: MetricWithSetting,
  rows: readonly DatapointRow[],
  agencyName: string | null,
  notes: readonly PublicNote[] = [],
): PublishedMetricJson {
  const { metric } = withSetting;
  const base = presentMetricSetting(withSetting);
  const mine = rows.filter((row) => row.metricKey === metric.key);
  const dataNotes = notes
    .filter((note) => note.metricKey === metric.key)
    .map((note) => ({ start_date: note.startDate, end_date: note.endDate, note: note.text }));
  const memberOf = (row: DatapointRow, identifier: string) => row.dimension?.[identifier];
  return {
    ...base,
    data_notes: dataNotes,
    datapoints: orNull(mine.filter((row) => row.dimension === null).map((row) => presentDatapoint(row, agencyName))),
    disaggregations: base.disaggregations.map((breakdown, b) => {
      const definition = metric.dimensions[b]!;
      return {
        ...breakdown,
        dimensions: breakdown.dimensions.map((dimension, m) => {
          const member = definition.members[m]!.name;
          const values = mine.filter((row) => memberOf(row, definition.identifier) === member);
          return { ...dimension, datapoints: orNull(values.map((row) => presentDatapoint(row, agencyName))) };
        }),
      };
    }),
  };
}

export function presentPublishedData(data: PublishedData): PublishedDataResponse {
  return {
    agency: presentPublicAgency(data),
    metrics: data.metrics.map((metric) =>
      presentPublishedMetric(metric, data.datapoints, data.agency.name, data.notes),
    ),
  };
}

/** The reference's rule: demonstration and test accounts, by their names. */
export function isDemoAgency(name: string): boolean {
  return (
    name.includes('[DEMO]') ||
    name.includes('[TEST]') ||
    name === 'Department of Corrections' ||
    name === 'Presentation Superagency Account'
  );
}

export function presentDashboardAgency(agency: DashboardAgency): DashboardAgencyJson {
  return {
    id: agency.id,
    name: agency.name,
    available_sectors: agency.sectors,
    available_metric_keys: agency.metricKeys,
    available_disaggregations: agency.breakdowns,
    is_dashboard_enabled: true,
    is_demo: isDemoAgency(agency.name),
    state_geoid: stateGeoid(agency.stateCode),
    county_geoid: agency.county?.geoid ?? null,
    state_name: agency.stateCode ? (US_STATES[agency.stateCode.toLowerCase()] ?? null) : null,
    county_name: agency.county?.name ?? null,
  };
}

/** Wire shape of the newer public dashboard payload (route 35). */
import { V2_DASHBOARD_METRIC_KEYS, RACE_AND_ETHNICITY } from '@jc/catalogue';
import type { DatapointFull } from '../../contract/datapoints.ts';
import type { PublishedMetricJson } from '../../contract/public-data.ts';
import {
  METHODOLOGY_URL,
  type PublishedDataV2Response,
  type PublishedMetricV2Json,
  type SlimDatapointJson,
} from '../../contract/public-data-v2.ts';
import { stateGeoid, US_STATES } from '../../contract/us-states.ts';
import type { PublishedDataV2 } from '../../domain/public-data/get-published-data-v2.ts';
import { sectorsOf } from '../../domain/public-data/public-agency.ts';
import { HIDDEN_BREAKDOWNS } from '../../domain/public-data/public-rules.ts';
import { presentPublishedMetric } from './public-data.ts';
import type { MetricWithSetting } from '../../db/queries/current-settings.ts';

type Disaggregation = PublishedMetricV2Json['disaggregations'][number];

function slim(point: DatapointFull): SlimDatapointJson {
  const { id, start_date, end_date, value, frequency } = point;
  if (point.disaggregation_display_name === null || point.dimension_display_name === null) {
    return { id, start_date, end_date, value, frequency };
  }
  const names = {
    disaggregation_display_name: point.disaggregation_display_name,
    dimension_display_name: point.dimension_display_name,
  };
  return { id, start_date, end_date, value, frequency, ...names };
}

const slimAll = (points: DatapointFull[] | null) => points?.map(slim) ?? null;

/** Hispanic or Latino people as one group, everyone else by race, as the dashboard charts them. */
function raceGroup(member: { race?: string; ethnicity?: string; key: string }): string {
  return member.ethnicity === 'Hispanic or Latino' ? 'Hispanic or Latino' : (member.race ?? member.key);
}

function consolidated(dimensions: Disaggregation['dimensions']): Disaggregation['consolidated_race_ethnicity'] {
  const descriptions: Record<string, string | null> = {};
  const data: Record<string, Record<string, number>> = {};
  for (const dimension of dimensions) {
    const group = raceGroup(dimension);
    descriptions[group] ??= null;
    for (const point of dimension.datapoints ?? []) {
      const value = Number(point.value);
      if (point.value === null || !Number.isFinite(value)) continue;
      const period = (data[point.start_date] ??= {});
      period[group] = (period[group] ?? 0) + value;
    }
  }
  return { descriptions, data };
}

function presentBreakdownV2(breakdown: PublishedMetricJson['disaggregations'][number]): Disaggregation {
  const dimensions = breakdown.dimensions.map((d) => ({ ...d, datapoints: slimAll(d.datapoints) }));
  const race = breakdown.key === RACE_AND_ETHNICITY ? { consolidated_race_ethnicity: consolidated(dimensions) } : {};
  const { key, display_name, enabled, is_breakdown_configured } = breakdown;
  return { key, display_name, enabled, is_breakdown_configured, dimensions, ...race };
}

function presentMetricV2(
  metric: MetricWithSetting,
  data: Pick<PublishedDataV2, 'datapoints' | 'notes' | 'reportingAgencies'>,
): PublishedMetricV2Json {
  const v1 = presentPublishedMetric(metric, data.datapoints, null, data.notes);
  const { reporting_agency_id, is_self_reported } = metric.setting;
  const reporter = reporting_agency_id === null ? undefined : data.reportingAgencies.get(reporting_agency_id);
  return {
    key: V2_DASHBOARD_METRIC_KEYS[v1.key] ?? v1.key,
    display_name: v1.display_name,
    description: v1.description,
    category: v1.category,
    unit: v1.unit,
    sector: v1.system.key,
    enabled: v1.enabled,
    frequency: v1.frequency,
    custom_frequency: v1.custom_frequency,
    starting_month: v1.starting_month,
    disaggregated_by_supervision_subsystems: v1.disaggregated_by_supervision_subsystems,
    includes_excludes: v1.includes_excludes,
    is_includes_excludes_configured: v1.is_includes_excludes_configured,
    contexts: v1.contexts,
    comparability: v1.comparability,
    is_self_reported,
    reporting_agency_id,
    reporting_agency_name: reporter?.name ?? null,
    reporting_agency_url: reporter?.url ?? null,
    reporting_agency_category: reporter?.category ?? null,
    // The catalogue this project ships has no additional descriptions (docs/api-compat.md).
    additional_description: null,
    datapoints: slimAll(v1.datapoints),
    data_notes: v1.data_notes,
    disaggregations: v1.disaggregations.filter((b) => !HIDDEN_BREAKDOWNS.has(b.key)).map(presentBreakdownV2),
  };
}

export function presentPublishedDataV2(data: PublishedDataV2): PublishedDataV2Response {
  const stateCode = data.agency.stateCode?.toLowerCase() ?? null;
  return {
    agency: {
      id: data.agency.id,
      name: data.agency.name,
      settings: data.settings.map((s) => ({ setting_type: s.settingType, value: s.value })),
      sectors: sectorsOf(data.agency),
      is_v0_dashboard_enabled: data.agency.isDashboardEnabled === true,
      state_name: stateCode ? (US_STATES[stateCode] ?? null) : null,
      state_abbreviation: stateCode && US_STATES[stateCode] ? stateCode.slice(3).toUpperCase() : null,
      methodology: METHODOLOGY_URL,
      state_geoid: stateGeoid(stateCode),
      county_geoid: data.county?.geoid ?? null,
      county_name: data.county?.name ?? null,
      jurisdictions: data.jurisdictions,
      population: { total: data.populationByYear, ...data.population },
    },
    metrics: data.metrics.map((metric) => presentMetricV2(metric, data)),
  };
}

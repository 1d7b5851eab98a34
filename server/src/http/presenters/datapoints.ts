/** Datapoints on the wire (`DatapointFull`) and the breakdown-name map the charts use. */
import { getMetric, metricsForSystem, isSystemName } from '@jc/catalogue';
import type { AgencyDatapoints, DatapointFull } from '../../contract/datapoints.ts';
import type { HistoryEntry } from '../../contract/reports.ts';
import type { DatapointRow } from '../../db/queries/datapoints.ts';
import { readStoredValue, titleCase } from '../../domain/datapoints/datapoint-rules.ts';
import type { ValueChange } from '../../domain/reports/find-value-history.ts';
import { inferFrequency } from '../../domain/reports/report-rules.ts';
import { rfc1123Date } from './reports.ts';

/** The breakdown and member display names of a stored `{identifier: MEMBER}` map. */
function dimensionNames(metricKey: string, dimension: Record<string, string> | null) {
  const [identifier, member] = Object.entries(dimension ?? {})[0] ?? [];
  if (identifier === undefined) return { breakdown: null, member: null };
  const breakdown = getMetric(metricKey)?.dimensions.find((d) => d.identifier === identifier);
  return {
    breakdown: breakdown?.displayName ?? identifier,
    member: breakdown?.members.find((m) => m.name === member)?.value ?? member ?? null,
  };
}

export function presentDatapoint(row: DatapointRow, agencyName: string | null = null): DatapointFull {
  const names = dimensionNames(row.metricKey, row.dimension);
  return {
    id: row.id,
    report_id: row.reportId,
    agency_name: agencyName,
    start_date: rfc1123Date(row.startDate),
    end_date: rfc1123Date(row.endDate),
    frequency: inferFrequency({ start: row.startDate, end: row.endDate }),
    metric_definition_key: row.metricKey,
    metric_display_name: getMetric(row.metricKey)?.displayName ?? null,
    disaggregation_display_name: names.breakdown,
    dimension_display_name: names.member,
    sub_dimension_name: row.subDimensionName === null ? null : titleCase(row.subDimensionName),
    value: readStoredValue(row.value),
    old_value: null,
    is_published: row.status === 'PUBLISHED',
  };
}

/** Metric key → breakdown name → member display values, for every metric of these systems. */
export function breakdownNamesBySystem(
  systems: readonly string[] | null,
): AgencyDatapoints['dimension_names_by_metric_and_disaggregation'] {
  const result: AgencyDatapoints['dimension_names_by_metric_and_disaggregation'] = {};
  for (const system of (systems ?? []).filter(isSystemName)) {
    for (const metric of metricsForSystem(system)) {
      result[metric.key] = Object.fromEntries(
        metric.dimensions.map((d) => [d.displayName, d.members.map((m) => m.value)]),
      );
    }
  }
  return result;
}

export function presentValueChange(change: ValueChange): HistoryEntry {
  const names = dimensionNames(change.metricKey, change.dimension);
  return {
    datapoint_id: change.datapointId,
    metric_key: change.metricKey,
    disaggregation_display_name: names.breakdown,
    dimension_display_name: names.member,
    sub_dimension_name: change.subDimensionName === null ? null : titleCase(change.subDimensionName),
    context_key: change.contextKey,
    old_value: change.contextKey ? change.oldValue : readStoredValue(change.oldValue),
    new_value: change.contextKey ? change.newValue : readStoredValue(change.newValue),
    old_upload_method: change.oldUploadMethod,
    new_upload_method: change.newUploadMethod,
    user: change.user,
    timestamp: change.timestamp.toISOString(),
    first_entry: change.firstEntry,
  };
}

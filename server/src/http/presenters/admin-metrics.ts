/** Wire shapes of vendors, reporting agencies and "Other" sub-categories (02-http-api §2.10 routes 52–58). */
import type { OtherSubDimensionsResponse, ReportingAgenciesResponse } from '../../contract/admin-metrics.ts';
import type { MetricWithOtherOptions } from '../../domain/metric-settings/other-options.ts';
import { otherBreakdowns, otherOptionsOf } from '../../domain/metric-settings/other-options-rules.ts';
import type { ReportingAgencies } from '../../domain/metric-settings/reporting-agencies.ts';

/** Items grouped by system, in the order met. */
function bySystem<T>(items: readonly T[], systemOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(systemOf(item), [...(groups.get(systemOf(item)) ?? []), item]);
  return groups;
}

export function presentReportingAgencies({ options, metrics }: ReportingAgencies): ReportingAgenciesResponse {
  const names = new Map(options.map((option) => [option.id, option.name]));
  const groups = bySystem(metrics, (entry) => entry.metric.system);
  const reporting: ReportingAgenciesResponse['reporting_agencies'] = {};
  const listed: ReportingAgenciesResponse['metrics'] = {};
  for (const [system, entries] of groups) {
    reporting[system] = entries.map(({ metric, setting }) => ({
      metric_key: metric.key,
      reporting_agency_id: setting?.reporting_agency_id ?? null,
      reporting_agency_name: names.get(setting?.reporting_agency_id ?? 0) ?? null,
      is_self_reported: setting?.is_self_reported ?? null,
    }));
    listed[system] = entries.map(({ metric }) => ({ key: metric.key, name: metric.displayName }));
  }
  return {
    reporting_agency_options: options.map((option) => ({
      reporting_agency_id: option.id,
      reporting_agency_name: option.name,
      category: option.category,
    })),
    reporting_agencies: reporting,
    metrics: listed,
  };
}

export function presentOtherOptions(metrics: readonly MetricWithOtherOptions[]): OtherSubDimensionsResponse {
  return [...bySystem(metrics, (entry) => entry.metric.system)].map(([system, entries]) => ({
    system,
    metric_settings: entries.map(({ metric, setting }) => ({
      metric_key: metric.key,
      metric_display_name: metric.displayName,
      disaggregations: otherBreakdowns(metric).map(({ breakdown, members }) => ({
        disaggregation_display_name: breakdown.displayName,
        dimension_id: breakdown.identifier,
        other_sub_dimensions: members.map((member) => ({
          dimension_key: member.name,
          dimension_name: member.value,
          other_options: otherOptionsOf(setting, breakdown.identifier, member.name),
        })),
      })),
    })),
  }));
}

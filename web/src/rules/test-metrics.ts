/** Small metric, breakdown and member objects for the web app's pure-rule tests. */
import type { DimensionJson, DisaggregationJson, MetricSettingJson } from '@jc/server/contract';

export function dimensionJson(key: string, overrides: Partial<DimensionJson> = {}): DimensionJson {
  return {
    key,
    label: key,
    description: null,
    enabled: null,
    datapoints: null,
    contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', label: 'Anything else', value: null }],
    includes_excludes: [],
    is_dimension_includes_excludes_configured: null,
    ...overrides,
  };
}

/**
 * A breakdown that is on, neither required nor summing to the total, with these members (a public
 * dashboard's members also carry their datapoints).
 */
export function disaggregationJson<Member extends object = DimensionJson>(
  key: string,
  displayName: string,
  dimensions: Member[],
  overrides: Partial<Omit<DisaggregationJson, 'dimensions'>> = {},
): Omit<DisaggregationJson, 'dimensions'> & { dimensions: Member[] } {
  return {
    key,
    display_name: displayName,
    enabled: true,
    is_breakdown_configured: null,
    required: false,
    should_sum_to_total: false,
    helper_text: null,
    contexts: [],
    dimensions,
    ...overrides,
  };
}

export function metricJson(key: string, system: string, overrides: Partial<MetricSettingJson> = {}): MetricSettingJson {
  const label = key.slice(system.length + 1);
  return {
    key,
    label,
    display_name: label,
    description: '',
    category: 'Capacity and Costs',
    unit: 'Amount',
    system: { key: system, display_name: system.charAt(0) + system.slice(1).toLowerCase() },
    enabled: null,
    frequency: 'MONTHLY',
    custom_frequency: null,
    starting_month: null,
    disaggregated_by_supervision_subsystems: null,
    includes_excludes: [],
    is_includes_excludes_configured: null,
    contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', display_name: 'Anything else', value: null }],
    disaggregations: [],
    filenames: [],
    reporting_note: null,
    comparability: { matches_default: true, differences: [], series_breaks: [] },
    datapoints: null,
    value: null,
    ...overrides,
  };
}

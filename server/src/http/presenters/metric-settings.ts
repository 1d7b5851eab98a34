/** The reference's METRICS_TAB metric JSON, built from the catalogue and the agency's settings. */
import {
  categoryLabel,
  contextLabel,
  raceAndEthnicity,
  RACE_AND_ETHNICITY,
  systemLabel,
  type DimensionDef,
  type IncludesExcludesGroup,
  type MemberDef,
  type MetricDef,
} from '@jc/catalogue';
import type {
  DimensionJson,
  DisaggregationJson,
  IncludesExcludesGroupJson,
  MetricSettingJson,
  MetricWordsJson,
} from '../../contract/metric-settings.ts';
import {
  acceptsSubDimensions,
  breakdownEnabled,
  effectiveStartingMonth,
  memberStatuses,
} from '../../domain/metric-settings/setting-rules.ts';
import type { StoredBreakdown, StoredMetricSetting, YesNo } from '../../domain/metric-settings/stored-setting-rules.ts';
import type { MetricWithSetting } from '../../db/queries/current-settings.ts';
import { presentComparability } from './comparability.ts';
import { settingLabel } from './setting-label.ts';

const INCLUDED = { YES: 'Yes', NO: 'No' } as const;

function presentIncludesExcludes(
  groups: readonly IncludesExcludesGroup[],
  answers: Record<string, YesNo>,
): IncludesExcludesGroupJson[] {
  return groups.map((group) => ({
    description: group.label,
    multiselect: group.multiselect,
    settings: group.settings.map((setting) => {
      const answer = answers[setting.key];
      return {
        key: setting.key,
        label: settingLabel(setting.key),
        included: answer ? INCLUDED[answer] : null,
        default: setting.default,
      };
    }),
  }));
}

function presentMember(
  breakdown: DimensionDef,
  member: MemberDef,
  stored: StoredBreakdown | undefined,
  enabled: boolean | null,
): DimensionJson {
  const contexts = stored?.dimension_to_contexts[member.name] ?? {};
  const json: DimensionJson = {
    key: member.value,
    label: member.value,
    description: null,
    enabled,
    datapoints: null,
    contexts: member.contexts.map((key) => ({ key, label: contextLabel(key), value: contexts[key] ?? null })),
    includes_excludes: presentIncludesExcludes(
      member.includesExcludes,
      stored?.dimension_to_includes_excludes_member_to_setting[member.name] ?? {},
    ),
    is_dimension_includes_excludes_configured:
      stored?.dimension_to_includes_excludes_configured_status[member.name] ?? null,
  };
  if (acceptsSubDimensions(breakdown, member)) {
    const labels = stored?.dimension_to_other_sub_dimension_to_enabled_status[member.name] ?? {};
    // Stored as a JSON object, whose key order PostgreSQL does not keep: list them alphabetically.
    json.sub_dimensions = Object.entries(labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, flag]) => ({ name, enabled: flag }));
  }
  if (breakdown.identifier === RACE_AND_ETHNICITY) Object.assign(json, raceAndEthnicity(member));
  return json;
}

function presentBreakdown(breakdown: DimensionDef, setting: StoredMetricSetting): DisaggregationJson {
  const stored = setting.aggregated_dimensions[breakdown.identifier];
  const statuses = memberStatuses(breakdown, setting);
  return {
    key: breakdown.identifier,
    display_name: breakdown.displayName,
    enabled: breakdownEnabled(statuses),
    is_breakdown_configured: stored?.is_breakdown_configured ?? null,
    required: breakdown.required,
    should_sum_to_total: breakdown.shouldSumToTotal,
    helper_text: null,
    contexts: breakdown.contexts.map((context) => ({
      key: context.key,
      display_name: context.label,
      value: stored?.contexts[context.key] ?? null,
    })),
    dimensions: breakdown.members.map((member) =>
      presentMember(breakdown, member, stored, statuses[member.name] ?? null),
    ),
  };
}

/** The sheet (and CSV) names a metric's figures are uploaded under: its total, then each breakdown. */
export function metricFilenames(metric: MetricDef): string[] {
  return [metric.sheetNames.total, ...Object.values(metric.sheetNames.breakdowns)];
}

export function presentMetricWords(metric: MetricDef): MetricWordsJson {
  return {
    key: metric.key,
    label: metric.displayName,
    display_name: metric.displayName,
    description: metric.description,
    category: categoryLabel(metric.category),
    unit: metric.unit,
    system: { key: metric.system, display_name: systemLabel(metric.system) },
  };
}

export function presentMetricSetting({ metric, setting, breaks }: MetricWithSetting): MetricSettingJson {
  return {
    ...presentMetricWords(metric),
    enabled: setting.is_metric_enabled,
    frequency: metric.defaultFrequency,
    custom_frequency: setting.custom_reporting_frequency.custom_frequency,
    starting_month: effectiveStartingMonth(metric, setting),
    disaggregated_by_supervision_subsystems: setting.disaggregated_by_supervision_subsystems,
    includes_excludes: presentIncludesExcludes(metric.includesExcludes, setting.includes_excludes_member_to_setting),
    is_includes_excludes_configured: setting.is_includes_excludes_configured,
    contexts: metric.contexts.map((context) => ({
      key: context.key,
      display_name: context.label,
      value: setting.contexts[context.key] ?? null,
    })),
    disaggregations: metric.dimensions.map((breakdown) => presentBreakdown(breakdown, setting)),
    filenames: metricFilenames(metric),
    reporting_note: null,
    comparability: presentComparability(metric, setting, breaks),
    datapoints: null,
    value: null,
  };
}

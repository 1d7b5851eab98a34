/** A record's metrics in the reference's REPORT_PAGE form, built from the catalogue, settings and values. */
import { contextLabel, raceAndEthnicity, RACE_AND_ETHNICITY } from '@jc/catalogue';
import type { DimensionDef, MemberDef } from '@jc/catalogue';
import type { ReportDimension, ReportDisaggregation, ReportMetric, ReportPage } from '../../contract/report-page.ts';
import { readStoredValue, titleCase } from '../../domain/datapoints/datapoint-rules.ts';
import type { StoredDatapoint } from '../../db/queries/report-datapoints.ts';
import { metricFilenames, presentMetricWords } from './metric-settings.ts';
import { presentReportOverview } from './reports.ts';
import type { MetricWithValues, ReportPage as ReportPageData } from '../../db/queries/report-page.ts';

/** A metric's breakdown values by breakdown identifier and member NAME, grouped in one pass. */
type ValuesByMember = Map<string, StoredDatapoint[]>;

const memberKey = (identifier: string, member: string) => `${identifier}\u0000${member}`;

function valuesByMember(datapoints: readonly StoredDatapoint[]): ValuesByMember {
  const index: ValuesByMember = new Map();
  for (const d of datapoints) {
    if (d.dimension === null || d.contextKey !== null) continue;
    for (const [identifier, member] of Object.entries(d.dimension)) {
      const key = memberKey(identifier, member);
      const list = index.get(key);
      if (list) list.push(d);
      else index.set(key, [d]);
    }
  }
  return index;
}

function presentDimension(
  breakdown: DimensionDef,
  member: MemberDef,
  enabled: boolean | null,
  values: ValuesByMember,
): ReportDimension {
  const mine = values.get(memberKey(breakdown.identifier, member.name)) ?? [];
  const total = mine.find((d) => d.subDimensionName === null);
  const dimension: ReportDimension = {
    key: member.value,
    label: member.value,
    description: null,
    enabled,
    value: readStoredValue(total?.value ?? null),
    datapoints: null,
    contexts: member.contexts.map((key) => ({ key, label: contextLabel(key), value: null })),
    sub_dimensions: mine
      .filter((d) => d.subDimensionName !== null)
      .map((d) => ({ display_name: titleCase(d.subDimensionName!), value: readStoredValue(d.value), enabled: true })),
  };
  const race = breakdown.identifier === RACE_AND_ETHNICITY ? raceAndEthnicity(member) : undefined;
  return race ? { ...dimension, ...race } : dimension;
}

function presentBreakdowns({ metric, setting, datapoints }: MetricWithValues): ReportDisaggregation[] {
  const values = valuesByMember(datapoints);
  return metric.dimensions.map((breakdown) => {
    const configured = setting.dimensions[breakdown.identifier];
    return {
      key: breakdown.identifier,
      display_name: breakdown.displayName,
      enabled: configured?.enabled ?? null,
      required: breakdown.required,
      should_sum_to_total: breakdown.shouldSumToTotal,
      helper_text: null,
      is_breakdown_configured: null,
      contexts: [],
      dimensions: breakdown.members.map((member) =>
        presentDimension(breakdown, member, configured?.members[member.name] ?? null, values),
      ),
    };
  });
}

export function presentReportMetric(entry: MetricWithValues): ReportMetric {
  const { metric, setting, datapoints } = entry;
  const total = datapoints.find((d) => d.dimension === null && d.contextKey === null);
  return {
    ...presentMetricWords(metric),
    enabled: setting.enabled,
    frequency: metric.defaultFrequency,
    custom_frequency: setting.frequency === metric.defaultFrequency ? null : setting.frequency,
    starting_month: setting.startingMonth,
    value: readStoredValue(total?.value ?? null),
    contexts: metric.contexts.map((context) => ({
      key: context.key,
      display_name: context.label,
      value: datapoints.find((d) => d.contextKey === context.key)?.value ?? null,
    })),
    disaggregations: presentBreakdowns(entry),
    disaggregated_by_supervision_subsystems: setting.disaggregatedBySupervisionSubsystems,
    datapoints: null,
    includes_excludes: [],
    is_includes_excludes_configured: null,
    filenames: metricFilenames(metric),
    reporting_note: null,
  };
}

export function presentReportPage(page: ReportPageData): ReportPage {
  return { ...presentReportOverview(page.summary), metrics: page.metrics.map(presentReportMetric) };
}

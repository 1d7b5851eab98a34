/** Small GET /api/home payloads for the pure-rule tests of this folder. */
import { addMonths, firstOfMonth } from '@jc/server/contract';
import type { HomeResponse, MetricSettingJson, ReportMetric, ReportPage } from '@jc/server/contract';
import { metricJson } from '../../rules/test-metrics.ts';

export { metricJson };

/** A metric on a record: the settings' metric with a total (and no breakdown figures). */
function onRecord(metric: MetricSettingJson, value: number | null): ReportMetric {
  return {
    key: metric.key,
    display_name: metric.display_name,
    label: metric.label,
    description: metric.description,
    unit: metric.unit,
    category: metric.category,
    system: metric.system,
    enabled: metric.enabled,
    frequency: metric.frequency,
    custom_frequency: metric.custom_frequency,
    starting_month: metric.starting_month,
    value,
    contexts: [],
    disaggregations: [],
    disaggregated_by_supervision_subsystems: metric.disaggregated_by_supervision_subsystems,
    datapoints: null,
    includes_excludes: [],
    is_includes_excludes_configured: null,
    filenames: [],
    reporting_note: null,
  };
}

export function recordPage(
  id: number,
  period: { frequency: 'MONTHLY' | 'ANNUAL'; year: number; month: number },
  status: ReportPage['status'],
  values: [MetricSettingJson, number | null][],
): ReportPage {
  return {
    id,
    agency_id: 1,
    agency_name: null,
    editors: [],
    ...period,
    is_recurring: true,
    last_modified_at: null,
    last_modified_at_timestamp: null,
    publish_date: null,
    status,
    date_range_start: firstOfMonth(period),
    date_range_end: firstOfMonth(addMonths(period, period.frequency === 'MONTHLY' ? 1 : 12)),
    metrics: values.map(([metric, value]) => onRecord(metric, value)),
  };
}

export function homeOf(
  metrics: MetricSettingJson[],
  records: { monthly?: ReportPage; annual?: Record<string, ReportPage> } = {},
): HomeResponse {
  return {
    agency_metrics: metrics,
    monthly_report: records.monthly ?? {},
    annual_reports: records.annual ?? {},
    child_agencies: [],
    child_definitions: [],
  };
}

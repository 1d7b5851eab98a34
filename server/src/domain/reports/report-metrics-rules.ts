/**
 * Which metrics a record shows (01-data-model §4.5): the agency's metrics whose frequency matches
 * the record (for annual records, also the starting month), plus any metric that already has data
 * on it. A superagency's own records carry only its SUPERAGENCY metrics. Disabled metrics stay
 * (flagged), so the form can name them.
 */
import { getMetric, type MetricDef } from '@jc/catalogue';
import type { ResolvedMetricSetting } from '../metric-settings/setting-rules.ts';
import { reportYearMonth, type ReportFrequency } from './report-rules.ts';

export interface MetricOnReport {
  metric: MetricDef;
  setting: ResolvedMetricSetting;
}

export interface RecordShape {
  type: string;
  dateRangeStart: string;
}

/** Does a metric with this setting belong on records of this type and start? */
export function settingMatchesRecord(setting: ResolvedMetricSetting, record: RecordShape): boolean {
  if (setting.frequency !== (record.type as ReportFrequency)) return false;
  if (setting.frequency === 'MONTHLY') return true;
  return (setting.startingMonth ?? 1) === reportYearMonth(record.dateRangeStart).month;
}

export function metricsOnReport(input: {
  isSuperagency: boolean;
  record: RecordShape;
  settings: readonly ResolvedMetricSetting[];
  /** Metric keys with at least one non-empty value on this record. */
  keysWithData: ReadonlySet<string>;
}): MetricOnReport[] {
  const result: MetricOnReport[] = [];
  for (const setting of input.settings) {
    const metric = getMetric(setting.key);
    if (!metric) continue;
    if (input.isSuperagency && metric.system !== 'SUPERAGENCY') continue;
    if (settingMatchesRecord(setting, input.record) || input.keysWithData.has(metric.key)) {
      result.push({ metric, setting });
    }
  }
  return result;
}

/** One record for the data-entry form: its summary and its metrics with their stored values. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { currentSettings } from '../metric-settings/current-settings.ts';
import { groupBy } from '../uploads/group-by.ts';
import { summarize, type ReportSummary } from './find-agency-reports.ts';
import { getReportForAction, type AgencyRow } from './get-report.ts';
import { keysWithData, loadReportDatapoints, type StoredDatapoint } from './report-datapoints.ts';
import { metricsOnReport, type MetricOnReport } from './report-metrics.ts';

export interface MetricWithValues extends MetricOnReport {
  datapoints: StoredDatapoint[];
}

export interface ReportPage {
  summary: ReportSummary;
  agency: AgencyRow;
  metrics: MetricWithValues[];
}

export async function getReportPage(db: Executor, actor: Actor, reportId: number): Promise<ReportPage> {
  const { report, agency } = await getReportForAction(db, actor, 'reports.view', reportId);
  const [settings, datapoints, summaries] = await Promise.all([
    currentSettings(db, agency),
    loadReportDatapoints(db, report.id),
    summarize(db, actor, agency, [report]),
  ]);
  const onReport = metricsOnReport({
    isSuperagency: agency.isSuperagency === true,
    record: report,
    settings: settings.resolved,
    keysWithData: keysWithData(datapoints),
  });
  const byMetric = groupBy(datapoints, (d) => d.metricKey);
  return {
    summary: summaries[0]!,
    agency,
    metrics: onReport.map((m) => ({ ...m, datapoints: byMetric.get(m.metric.key) ?? [] })),
  };
}

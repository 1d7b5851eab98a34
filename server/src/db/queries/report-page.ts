/** One record with its metrics and their stored values: the data-entry form, a Home page record, a reminder. */
import type { Executor } from '../database.ts';
import { readTogether } from '../read-together.ts';
import type { Actor } from '../../domain/actor.ts';
import { metricsOnReport, type MetricOnReport } from '../../domain/reports/report-metrics-rules.ts';
import { groupBy } from '../../lib/group-by.ts';
import type { AgencyRow } from './agencies.ts';
import { currentSettings } from './current-settings.ts';
import { keysWithData, loadReportDatapoints, type StoredDatapoint } from './report-datapoints.ts';
import { summarize, type ReportSummary } from './report-editors.ts';
import type { ReportRow } from './reports.ts';

export interface MetricWithValues extends MetricOnReport {
  datapoints: StoredDatapoint[];
}

export interface ReportPage {
  summary: ReportSummary;
  agency: AgencyRow;
  metrics: MetricWithValues[];
}

/** No permission check: the caller has loaded the record for the viewer. */
export async function loadReportPage(
  db: Executor,
  viewer: Actor,
  { report, agency }: { report: ReportRow; agency: AgencyRow },
): Promise<ReportPage> {
  const [settings, datapoints, summaries] = await readTogether(db, [
    () => currentSettings(db, agency),
    () => loadReportDatapoints(db, report.id),
    () => summarize(db, viewer, agency, [report]),
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

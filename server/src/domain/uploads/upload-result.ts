/**
 * What an upload did, in the shape the upload screens need (and the spreadsheet record keeps):
 * per metric its messages and every datapoint it sent with old and new values, the file-level
 * messages, and the records it created, changed or left as they were.
 */
import { isSupervisionSubsystem, metricsForSystem, type MetricDef, type SystemName } from '@jc/catalogue';
import type { ReportFrequency, ReportStatus } from '../reports/report-rules.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';
import type { UploadMessage } from './upload-messages.ts';
import { groupBy } from './group-by.ts';

export interface UploadedDatapoint {
  id: number;
  reportId: number;
  agencyId: number;
  agencyName: string;
  metricKey: string;
  metricDisplayName: string;
  start: string;
  end: string;
  frequency: ReportFrequency;
  /** The breakdown's display name ("Offense Types"); null for a total. */
  breakdownDisplayName: string | null;
  /** The member's display name ("Drug Offenses"); null for a total. */
  memberDisplayName: string | null;
  value: number | string | null;
  /** The value before the upload, when the upload changed it; null otherwise. */
  oldValue: number | string | null;
  isPublished: boolean;
}

export interface UploadedReport {
  id: number;
  agencyId: number;
  agencyName: string;
  frequency: ReportFrequency;
  start: string;
  end: string;
  status: ReportStatus;
  lastModifiedAt: string | null;
  isRecurring: boolean;
  publishDate: string | null;
}

export interface UploadedMetric {
  key: string;
  displayName: string;
  enabled: boolean | null;
  messages: UploadMessage[];
  datapoints: UploadedDatapoint[];
}

export interface UploadResult {
  spreadsheetId: number;
  fileName: string;
  system: SystemName;
  metrics: UploadedMetric[];
  nonMetricMessages: UploadMessage[];
  newReports: UploadedReport[];
  updatedReports: UploadedReport[];
  unchangedReports: UploadedReport[];
}

/**
 * The metrics the result lists: every metric of the chosen system, except a supervision metric the
 * agency splits into sub-systems (listed only with messages); a sub-system's copy is listed when
 * its parent is split or when it got messages or data.
 */
function listedMetrics(context: UploadContext, hasContent: (key: string) => boolean): MetricDef[] {
  const own = metricsForSystem(context.system).filter((metric) => !metric.disabled);
  const subsystems = context.supervisionSystems.filter(isSupervisionSubsystem);
  const splitTypes = new Set(own.filter((m) => isSplitBySubsystem(context, m)).map((m) => m.metricType));
  const copies = subsystems
    .flatMap((system) => metricsForSystem(system))
    .filter((metric) => splitTypes.has(metric.metricType) || hasContent(metric.key));
  return [...own.filter((metric) => !splitTypes.has(metric.metricType) || hasContent(metric.key)), ...copies];
}

export function metricResults(
  context: UploadContext,
  messages: readonly UploadMessage[],
  datapoints: readonly UploadedDatapoint[],
): { metrics: UploadedMetric[]; nonMetricMessages: UploadMessage[] } {
  const messagesOf = groupBy(messages, (message) => message.metricKey);
  const datapointsOf = groupBy(datapoints, (datapoint) => datapoint.metricKey);
  const hasContent = (key: string) => messagesOf.has(key) || datapointsOf.has(key);
  const metrics = listedMetrics(context, hasContent).map((metric) => ({
    key: metric.key,
    displayName: metric.displayName,
    enabled: settingFor(context, context.agency.id, metric).enabled,
    messages: messagesOf.get(metric.key) ?? [],
    datapoints: datapointsOf.get(metric.key) ?? [],
  }));
  const listed = new Set(metrics.map((metric) => metric.key));
  const unlisted = messages.filter((message) => message.metricKey !== null && !listed.has(message.metricKey));
  return { metrics, nonMetricMessages: [...(messagesOf.get(null) ?? []), ...unlisted] };
}

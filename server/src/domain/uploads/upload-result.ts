/**
 * What an upload did, in the shape the upload screens need (and the spreadsheet record keeps):
 * per metric its messages and every datapoint it sent with old and new values, the file-level
 * messages, and the records it created, changed or left as they were. A file holds hundreds of
 * thousands of values, so each is kept as a short tuple; its record (agency, period, status) is
 * one of the records listed, its names come from the catalogue.
 */
import { isSupervisionSubsystem, metricsForSystem, type MetricDef, type SystemName } from '@jc/catalogue';
import type { ReportFrequency, ReportStatus } from '../reports/report-rules.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';
import type { UploadMessage } from './upload-messages.ts';
import { groupBy } from '../../lib/group-by.ts';
import type { LazyList } from '../../lib/lazy-list.ts';

/** One value the upload sent; `oldValue` is set only where the upload changed a value. */
export type UploadedValue = [
  datapointId: number,
  reportId: number,
  /** The breakdown's identifier; null for a total. */
  dimension: string | null,
  /** The member's stored name; null for a total. */
  member: string | null,
  value: number | string | null,
  oldValue: number | string | null,
];

/** A metric's values: tuples as stored, or made as they are read (uploaded-values.ts) by the upload itself. */
export type UploadedValues = readonly UploadedValue[] | LazyList<UploadedValue>;

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
  datapoints: UploadedValues;
}

/** What reading the file counted: data rows, rows without a figure, and messages filed. */
export interface FileCounts {
  read: number;
  blank: number;
  errors: number;
  warnings: number;
}

/** The result's headline, from what was written (not from which metrics had messages). */
export interface UploadSummary {
  /** Rows whose figure is now stored (new, changed, or the same as before). */
  rowsSaved: number;
  /** Rows with a blank value: no figure, skipped. */
  rowsBlank: number;
  /** Rows left out because of a problem the messages describe. */
  rowsSkipped: number;
  recordsCreated: number;
  recordsChanged: number;
  /** Changed records that were published and are drafts again. */
  recordsUnpublished: number;
  errors: number;
  warnings: number;
}

export interface UploadResult {
  spreadsheetId: number;
  summary: UploadSummary;
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

/** @param datapointsOf the values sent, by metric key. */
export function metricResults(
  context: UploadContext,
  messages: readonly UploadMessage[],
  datapointsOf: ReadonlyMap<string, UploadedValues>,
): { metrics: UploadedMetric[]; nonMetricMessages: UploadMessage[] } {
  const messagesOf = groupBy(messages, (message) => message.metricKey);
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

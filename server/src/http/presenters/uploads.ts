/** Upload results and uploaded files on the wire, in the reference's shapes (`BulkUploadResponse`, `SpreadsheetSummary`). */
import type { DatapointFull } from '../../contract/datapoints.ts';
import type { ReportOverview } from '../../contract/reports.ts';
import type { SpreadsheetSummary, UploadMessageWire, UploadMetric, UploadResultWire } from '../../contract/uploads.ts';
import { AUTOMATIC_UPLOAD_DISPLAY_NAME } from '../../domain/users/editor-display-name.ts';
import { reportYearMonth } from '../../domain/reports/report-rules.ts';
import type { SpreadsheetListItem } from '../../domain/uploads/find-spreadsheets.ts';
import { groupBy } from '../../domain/uploads/group-by.ts';
import { sheetDisplayName } from '../../domain/uploads/names.ts';
import type { UploadMessage } from '../../domain/uploads/upload-messages.ts';
import type {
  UploadedDatapoint,
  UploadedMetric,
  UploadedReport,
  UploadResult,
} from '../../domain/uploads/upload-result.ts';
import { rfc1123Date } from './reports.ts';

function presentMessage(message: UploadMessage): UploadMessageWire {
  return { type: message.type, title: message.title, subtitle: message.subtitle, description: message.description };
}

/** Messages grouped by sheet, in the order they were found (the screens sort them for display). */
function metricErrors(messages: readonly UploadMessage[]): UploadMetric['metric_errors'] {
  return [...groupBy(messages, (message) => message.sheetName)].map(([sheetName, grouped]) => ({
    display_name: sheetName === null ? null : sheetDisplayName(sheetName),
    sheet_name: sheetName ?? '',
    messages: grouped.map(presentMessage),
  }));
}

function presentDatapoint(datapoint: UploadedDatapoint): DatapointFull {
  return {
    id: datapoint.id,
    report_id: datapoint.reportId,
    agency_name: datapoint.agencyName,
    start_date: rfc1123Date(datapoint.start),
    end_date: rfc1123Date(datapoint.end),
    frequency: datapoint.frequency,
    metric_definition_key: datapoint.metricKey,
    metric_display_name: datapoint.metricDisplayName,
    disaggregation_display_name: datapoint.breakdownDisplayName,
    dimension_display_name: datapoint.memberDisplayName,
    sub_dimension_name: null,
    value: datapoint.value,
    old_value: datapoint.oldValue,
    is_published: datapoint.isPublished,
  };
}

function presentMetric(metric: UploadedMetric): UploadMetric {
  return {
    key: metric.key,
    display_name: metric.displayName,
    enabled: metric.enabled,
    metric_errors: metricErrors(metric.messages),
    datapoints: metric.datapoints.map(presentDatapoint),
  };
}

/** A record as the upload left it; the editors list is empty in upload results, as in the reference. */
function presentReport(report: UploadedReport): ReportOverview {
  const { year, month } = reportYearMonth(report.start);
  const lastModified = report.lastModifiedAt === null ? null : new Date(report.lastModifiedAt);
  return {
    id: report.id,
    agency_id: report.agencyId,
    agency_name: report.agencyName,
    editors: [],
    frequency: report.frequency,
    is_recurring: report.isRecurring,
    last_modified_at: lastModified?.toUTCString() ?? null,
    last_modified_at_timestamp: lastModified ? lastModified.getTime() / 1000 : null,
    month,
    year,
    publish_date: report.publishDate === null ? null : rfc1123Date(report.publishDate),
    status: report.status,
    date_range_start: report.start,
    date_range_end: report.end,
  };
}

/** A file-level message about one sheet says which sheet, since it has no metric group to sit in. */
function presentFileMessage(message: UploadMessage): UploadMessageWire {
  const wire = presentMessage(message);
  return message.sheetName === null
    ? wire
    : { ...wire, description: `Sheet "${message.sheetName}": ${wire.description}` };
}

export function presentUploadResult(result: UploadResult): UploadResultWire {
  return {
    spreadsheet_id: result.spreadsheetId,
    file_name: result.fileName,
    system: result.system,
    metrics: result.metrics.map(presentMetric),
    non_metric_errors: result.nonMetricMessages.map(presentFileMessage),
    new_reports: result.newReports.map(presentReport),
    updated_reports: result.updatedReports.map(presentReport),
    unchanged_reports: result.unchangedReports.map(presentReport),
  };
}

/** Automatic uploads have no person; the domain has already masked Justice Counts staff. */
export function presentSpreadsheet(item: SpreadsheetListItem): SpreadsheetSummary {
  const uploader = item.uploader;
  const name = uploader?.name ?? AUTOMATIC_UPLOAD_DISPLAY_NAME;
  return {
    id: item.id,
    name: item.name,
    uploaded_at: item.uploadedAt.getTime(),
    uploaded_by_v2: { name, role: uploader?.role ?? null },
    ingested_at: item.ingestedAt?.getTime() ?? null,
    status: item.status,
    system: item.system,
    num_new_datapoints: item.numNewDatapoints,
  };
}

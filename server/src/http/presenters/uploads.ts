/**
 * Upload results and uploaded files on the wire, in the reference's shapes (`BulkUploadResponse`,
 * `SpreadsheetSummary`). A result can list hundreds of thousands of datapoints, so it is written as
 * JSON text piece by piece, from its compact tuples, rather than built as one object and encoded at
 * once.
 */
import { getMetric } from '@jc/catalogue';
import type { DatapointFull } from '../../contract/datapoints.ts';
import type { ReportOverview } from '../../contract/reports.ts';
import type {
  SpreadsheetSummary,
  UploadJobWire,
  UploadMessageWire,
  UploadMetric,
  UploadSummaryWire,
} from '../../contract/uploads.ts';
import type { UploadJobRow } from '../../domain/uploads/upload-job-rules.ts';
import { AUTOMATIC_UPLOAD_DISPLAY_NAME } from '../../domain/users/editor-name-rules.ts';
import { reportYearMonth } from '../../domain/reports/report-rules.ts';
import type { SpreadsheetListItem } from '../../domain/uploads/find-spreadsheets.ts';
import { groupBy } from '../../lib/group-by.ts';
import { sheetDisplayName } from '../../domain/uploads/names.ts';
import type { UploadMessage } from '../../domain/uploads/upload-messages.ts';
import type {
  UploadedMetric,
  UploadedReport,
  UploadedValue,
  UploadResult,
  UploadSummary,
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

/** An object's JSON members without its braces, to splice into the text of a larger object. */
const jsonMembers = (value: object) => JSON.stringify(value).slice(1, -1);

type RecordFields = Pick<DatapointFull, 'agency_name' | 'start_date' | 'end_date' | 'frequency'>;
type NameFields = Pick<
  DatapointFull,
  'metric_definition_key' | 'metric_display_name' | 'disaggregation_display_name' | 'dimension_display_name'
>;

/** A record's part of its datapoints' JSON text, formatted once for all of them. */
interface RecordPart {
  members: string;
  isPublished: boolean;
}

function recordParts(result: UploadResult): Map<number, RecordPart> {
  const reports = [...result.newReports, ...result.updatedReports, ...result.unchangedReports];
  return new Map(
    reports.map((report) => {
      const fields: RecordFields = {
        agency_name: report.agencyName,
        start_date: rfc1123Date(report.start),
        end_date: rfc1123Date(report.end),
        frequency: report.frequency,
      };
      return [report.id, { members: jsonMembers(fields), isPublished: report.status === 'PUBLISHED' }];
    }),
  );
}

function namePart(metricKey: string, metricName: string | null, breakdown: string | null, member: string | null) {
  const fields: NameFields = {
    metric_definition_key: metricKey,
    metric_display_name: metricName,
    disaggregation_display_name: breakdown,
    dimension_display_name: member,
  };
  return jsonMembers(fields);
}

/** A metric's names as JSON members, for its total (key '') and each member (`identifier` + NUL + `member`). */
function nameParts(metricKey: string): Map<string, string> {
  const metric = getMetric(metricKey);
  const names = new Map<string, string>();
  if (!metric) return names;
  names.set('', namePart(metricKey, metric.displayName, null, null));
  for (const dimension of metric.dimensions) {
    for (const member of dimension.members) {
      const part = namePart(metricKey, metric.displayName, dimension.displayName, member.value);
      names.set(`${dimension.identifier}\0${member.name}`, part);
    }
  }
  return names;
}

/**
 * Turns a metric's value tuples into wire datapoints' JSON text (`DatapointFull`), each record's
 * fields and each member's names formatted once; each record is one the result lists.
 */
function datapointPresenter(result: UploadResult) {
  const records = recordParts(result);
  return (metricKey: string) => {
    const names = nameParts(metricKey);
    const unnamed = namePart(metricKey, null, null, null);
    return ([id, reportId, dimension, member, value, oldValue]: UploadedValue): string => {
      const record = records.get(reportId);
      if (!record) throw new Error(`upload result: datapoint ${id} names record ${reportId}, which it does not list`);
      const name = names.get(dimension === null ? '' : `${dimension}\0${member}`) ?? unnamed;
      // The members of `DatapointFull` in its order; ids are integers, values numbers, text or null.
      const values = `"value":${JSON.stringify(value)},"old_value":${JSON.stringify(oldValue)}`;
      return `{"id":${id},"report_id":${reportId},${record.members},${name},"sub_dimension_name":null,${values},"is_published":${record.isPublished}}`;
    };
  };
}

/** A metric without its datapoints, which follow it in the JSON text. */
function presentMetricHead(metric: UploadedMetric): Omit<UploadMetric, 'datapoints'> {
  return {
    key: metric.key,
    display_name: metric.displayName,
    enabled: metric.enabled,
    metric_errors: metricErrors(metric.messages),
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

function presentSummary(summary: UploadSummary): UploadSummaryWire {
  return {
    rows_saved: summary.rowsSaved,
    rows_blank: summary.rowsBlank,
    rows_skipped: summary.rowsSkipped,
    records_created: summary.recordsCreated,
    records_changed: summary.recordsChanged,
    records_unpublished: summary.recordsUnpublished,
    errors: summary.errors,
    warnings: summary.warnings,
  };
}

/**
 * Datapoints per piece of JSON text: pieces of about 100 KB, under the size V8 keeps in its
 * large-object space, so a sent piece goes with the next young-generation collection.
 */
const DATAPOINTS_PER_PIECE = 200;

/** An object's JSON text without its closing brace, for more members to follow. */
const openObject = (value: object) => JSON.stringify(value).slice(0, -1);

/** The result as JSON text (`BulkUploadResponse`), in pieces; joined, they are one JSON document. */
export function* uploadResultJson(result: UploadResult): Generator<string> {
  const head = {
    spreadsheet_id: result.spreadsheetId,
    summary: presentSummary(result.summary),
    file_name: result.fileName,
    system: result.system,
  };
  yield `${openObject(head)},"metrics":[`;
  const presenterFor = datapointPresenter(result);
  for (const [index, metric] of result.metrics.entries()) {
    yield `${index === 0 ? '' : ','}${openObject(presentMetricHead(metric))},"datapoints":[`;
    const present = presenterFor(metric.key);
    for (let start = 0; start < metric.datapoints.length; start += DATAPOINTS_PER_PIECE) {
      const piece = metric.datapoints.slice(start, start + DATAPOINTS_PER_PIECE);
      yield `${start === 0 ? '' : ','}${piece.map(present).join(',')}`;
    }
    yield ']}';
  }
  const tail = {
    non_metric_errors: result.nonMetricMessages.map(presentFileMessage),
    new_reports: result.newReports.map(presentReport),
    updated_reports: result.updatedReports.map(presentReport),
    unchanged_reports: result.unchangedReports.map(presentReport),
  };
  yield `],${JSON.stringify(tail).slice(1)}`;
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

export function presentUploadJob(job: UploadJobRow): UploadJobWire {
  return {
    id: job.id,
    agency_id: job.agencyId,
    file_name: job.fileName,
    system: job.system,
    state: job.state,
    percent: job.percent,
    rows_read: job.rowsRead,
    rows_to_write: job.rowsToWrite,
    rows_written: job.rowsWritten,
    errors: job.errors,
    warnings: job.warnings,
    spreadsheet_id: job.spreadsheetId,
    failure: job.failure === null ? null : { code: job.failureCode ?? 'server_error', description: job.failure },
    created_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}

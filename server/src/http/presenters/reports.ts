/** Records on the wire: the reference's `ReportOverview`, dates in RFC 1123, versions in epoch seconds. */
import type { PublishFlagJson, ReportOverview } from '../../contract/reports.ts';
import type { ExplainedFlag } from '../../domain/reports/publish-flags.ts';
import { inferFrequency, reportYearMonth } from '../../domain/reports/report-rules.ts';
import type { ReportSummary } from '../../db/queries/report-editors.ts';

const formattedDates = new Map<string, string>();

/**
 * `2024-03-01` → "Fri, 01 Mar 2024 00:00:00 GMT", as the reference's JSON has dates. Memoised: a
 * big response repeats the same few period dates on every datapoint.
 */
export function rfc1123Date(isoDate: string): string {
  let text = formattedDates.get(isoDate);
  if (text === undefined) {
    text = new Date(`${isoDate}T00:00:00Z`).toUTCString();
    if (formattedDates.size < 10_000) formattedDates.set(isoDate, text);
  }
  return text;
}

export function presentReportOverview(
  { report, editors }: ReportSummary,
  agencyName: string | null = null,
): ReportOverview {
  const range = { start: report.dateRangeStart, end: report.dateRangeEnd };
  const { year, month } = reportYearMonth(report.dateRangeStart);
  return {
    id: report.id,
    agency_id: report.sourceId,
    agency_name: agencyName,
    editors,
    frequency: inferFrequency(range),
    is_recurring: report.isRecurring ?? false,
    last_modified_at: report.lastModifiedAt?.toUTCString() ?? null,
    last_modified_at_timestamp: report.lastModifiedAt ? report.lastModifiedAt.getTime() / 1000 : null,
    month,
    year,
    publish_date: report.publishDate ? rfc1123Date(report.publishDate) : null,
    status: report.status,
    date_range_start: report.dateRangeStart,
    date_range_end: report.dateRangeEnd,
  };
}

export function presentPublishFlag(flag: ExplainedFlag): PublishFlagJson {
  return {
    report_id: flag.reportId,
    flag: flag.key,
    kind: flag.kind,
    metric_key: flag.metricKey,
    sentence: flag.sentence,
    explanation: flag.explanation,
  };
}

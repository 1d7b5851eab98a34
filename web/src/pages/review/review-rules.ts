/**
 * Review tables from saved datapoints: one table per metric, a column per record, a row for the
 * total and for each breakdown member with a value. A metric with breakdown values but no total
 * (or a value that is not a number) has an error, which blocks publishing.
 */
import type { DatapointFull, ReportWithDatapoints } from '../../api/reports.ts';
import { recordTitle } from '../records/record-names.ts';

export const PUBLISH_BLOCKED =
  'There are errors in your data that need to be addressed before publishing. Go back to data entry to fix them.';

export interface ReviewRow {
  label: string;
  /** Breakdown members are indented under their breakdown's name. */
  breakdown: string | null;
  values: (number | string | null)[];
}

export interface ReviewTable {
  metricKey: string;
  title: string;
  rows: ReviewRow[];
  /** Why this metric cannot be published yet, or null. */
  error: string | null;
}

function rowLabel(d: DatapointFull): string {
  if (!d.dimension_display_name) return 'Total';
  return d.sub_dimension_name ? `${d.dimension_display_name} – ${d.sub_dimension_name}` : d.dimension_display_name;
}

function metricError(points: DatapointFull[], records: ReportWithDatapoints[]): string | null {
  if (points.some((d) => typeof d.value === 'string')) return 'Some values are not numbers.';
  const missing = records.filter((record) => {
    const mine = points.filter((d) => d.report_id === record.id);
    const hasTotal = mine.some((d) => !d.dimension_display_name && d.value !== null);
    return !hasTotal && mine.some((d) => d.value !== null);
  });
  return missing.length === 0
    ? null
    : `Breakdown values were entered without a total for ${missing.map(recordTitle).join(', ')}.`;
}

export function reviewTables(records: ReportWithDatapoints[]): ReviewTable[] {
  const points = records.flatMap((r) => r.datapoints).filter((d) => d.value !== null);
  const metricKeys = [...new Set(points.map((d) => d.metric_definition_key))];
  return metricKeys.map((metricKey) => {
    const mine = points.filter((d) => d.metric_definition_key === metricKey);
    const rowKeys = [...new Set(mine.map((d) => JSON.stringify([d.disaggregation_display_name, rowLabel(d)])))];
    const rows = rowKeys
      .map((key) => JSON.parse(key) as [string | null, string])
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0))
      .map(([breakdown, label]) => ({
        breakdown,
        label,
        values: records.map(
          (record) =>
            mine.find(
              (d) => d.report_id === record.id && d.disaggregation_display_name === breakdown && rowLabel(d) === label,
            )?.value ?? null,
        ),
      }));
    return { metricKey, title: mine[0]?.metric_display_name ?? metricKey, rows, error: metricError(mine, records) };
  });
}

/**
 * Review tables from saved datapoints: one table per metric, a column per record, a row for the
 * total and for each breakdown member with a value. A metric with breakdown values but no total
 * (or a value that is not a number) has an error, which blocks publishing; breakdowns that do not
 * add up to their total are warnings, which publishing asks about.
 */
import { breakdownMismatches } from '@jc/server/contract';
import type { DatapointFull, ReportWithDatapoints } from '@jc/server/contract';
import { mismatchSentence } from '../../rules/breakdown-sum-words.ts';
import { recordTitle } from '../../rules/record-names.ts';

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
  /** Breakdowns that do not add up to the total, one sentence each (naming the record when there are several). */
  warnings: string[];
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

const numberOf = (d: DatapointFull | undefined) => (typeof d?.value === 'number' ? d.value : null);

/** The metric's breakdowns that do not add up, record by record (sub-labels of Other are not counted twice). */
function metricWarnings(points: DatapointFull[], records: ReportWithDatapoints[]): string[] {
  return records.flatMap((record) => {
    const mine = points.filter((d) => d.report_id === record.id);
    const members = mine.filter((d) => d.disaggregation_display_name !== null && d.sub_dimension_name === null);
    const names = [...new Set(members.map((d) => d.disaggregation_display_name!))];
    const breakdowns = names.map((breakdown) => ({
      breakdown,
      values: members.filter((d) => d.disaggregation_display_name === breakdown).map(numberOf),
    }));
    const total = numberOf(mine.find((d) => d.disaggregation_display_name === null));
    const prefix = records.length > 1 ? `${recordTitle(record)}: ` : '';
    return breakdownMismatches(total, breakdowns).map((mismatch) => prefix + mismatchSentence(mismatch));
  });
}

/** Every metric with breakdowns that do not add up, for the publish confirmation. */
export const tablesWithWarnings = (tables: readonly ReviewTable[]) => tables.filter((t) => t.warnings.length > 0);

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
    const title = mine[0]?.metric_display_name ?? metricKey;
    return { metricKey, title, rows, error: metricError(mine, records), warnings: metricWarnings(mine, records) };
  });
}

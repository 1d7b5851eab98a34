/**
 * An upload's result as its spreadsheet record keeps it (`ingest_result`), for
 * `GET /api/:id/bulk-upload-json`. A value is kept as a five-item tuple whose breakdown member is
 * its place in the result's one `breakdowns` table: the member's identifier and name, written out
 * with every value, made up most of the text (about 85 characters a value instead of about 30).
 */
import { LazyList } from '../../lib/lazy-list.ts';
import type { BreakdownMember } from './planned-values.ts';
import type { UploadedMetric, UploadedValue, UploadedValues, UploadResult } from './upload-result.ts';

/** A value as stored: its breakdown member is its place in the result's `breakdowns`, -1 for a total. */
export type StoredValue = [
  datapointId: number,
  reportId: number,
  breakdown: number,
  value: number | string | null,
  oldValue: number | string | null,
];

type StoredMetric = Omit<UploadedMetric, 'datapoints'> & { values: readonly StoredValue[] | LazyList<StoredValue> };

export type StoredUploadResult = Omit<UploadResult, 'metrics'> & {
  /** [identifier, member name] of each breakdown member the values point at. */
  breakdowns: [string, string][];
  metrics: StoredMetric[];
};

/** What the record keeps of `result`, given each metric's values in their stored form. */
export function storedUploadResult(
  result: UploadResult,
  breakdowns: readonly BreakdownMember[],
  storedValuesOf: (metricKey: string) => readonly StoredValue[] | LazyList<StoredValue>,
): StoredUploadResult {
  return {
    ...result,
    breakdowns: breakdowns.map(({ identifier, member }) => [identifier, member]),
    metrics: result.metrics.map(({ key, displayName, enabled, messages }) => ({
      key,
      displayName,
      enabled,
      messages,
      values: storedValuesOf(key),
    })),
  };
}

/** A metric's stored values, read back as the result's tuples a slice at a time. */
class StoredValueList extends LazyList<UploadedValue> {
  constructor(
    private readonly breakdowns: readonly [string, string][],
    private readonly values: readonly StoredValue[],
  ) {
    super();
  }

  get length(): number {
    return this.values.length;
  }

  slice(start = 0, end = this.length): UploadedValue[] {
    return this.values.slice(start, end).map(([id, reportId, breakdown, value, oldValue]) => {
      const [identifier, member] = this.breakdowns[breakdown] ?? [null, null];
      return [id, reportId, identifier, member, value, oldValue];
    });
  }
}

const isTupleList = (list: unknown): list is unknown[][] => Array.isArray(list) && list.every(Array.isArray);

/**
 * The result a record keeps, or null for one kept in a shape no longer read: values as objects
 * (before 98edef7) or no summary. Results stored before the `breakdowns` table list six-item tuples.
 */
export function readStoredUploadResult(stored: unknown): UploadResult | null {
  const result = stored as Partial<StoredUploadResult> & { metrics?: Partial<StoredMetric & UploadedMetric>[] };
  if (result.summary === undefined || !Array.isArray(result.metrics)) return null;
  const breakdowns = result.breakdowns ?? [];
  const metrics: UploadedMetric[] = [];
  for (const { values, datapoints, ...metric } of result.metrics) {
    let read: UploadedValues;
    if (isTupleList(values)) read = new StoredValueList(breakdowns, values as StoredValue[]);
    else if (values === undefined && isTupleList(datapoints)) read = datapoints as UploadedValue[];
    else return null;
    metrics.push({ ...(metric as Omit<UploadedMetric, 'datapoints'>), datapoints: read });
  }
  const { spreadsheetId, summary, fileName, system, nonMetricMessages } = result as StoredUploadResult;
  const { newReports, updatedReports, unchangedReports } = result as StoredUploadResult;
  return {
    spreadsheetId,
    summary,
    fileName,
    system,
    metrics,
    nonMetricMessages,
    newReports,
    updatedReports,
    unchangedReports,
  };
}

/** A record's stored datapoints, read once and grouped by metric, for the form and for checks. */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { preparedPerExecutor } from '../prepared.ts';
import { datapoint } from '../schema.ts';

export interface StoredDatapoint {
  id: number;
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  contextKey: string | null;
  value: string | null;
}

const datapointsQuery = preparedPerExecutor((db) =>
  db
    .select({
      id: datapoint.id,
      metricKey: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
      subDimensionName: datapoint.subDimensionName,
      contextKey: datapoint.contextKey,
      value: datapoint.value,
    })
    .from(datapoint)
    .where(eq(datapoint.reportId, sql.placeholder('reportId')))
    .orderBy(datapoint.id)
    .prepare('jc_report_datapoints'),
);

/** Prepared: the record page and every save read them. */
export async function loadReportDatapoints(db: Executor, reportId: number): Promise<StoredDatapoint[]> {
  return datapointsQuery(db).execute({ reportId });
}

/** Metrics with at least one value on the record: they stay on it whatever their frequency is now. */
export function keysWithData(datapoints: readonly StoredDatapoint[]): Set<string> {
  return new Set(datapoints.filter((d) => d.value !== null && d.contextKey === null).map((d) => d.metricKey));
}

const keysWithDataQuery = preparedPerExecutor((db) =>
  db
    .selectDistinct({ metricKey: datapoint.metricDefinitionKey })
    .from(datapoint)
    .where(
      and(
        eq(datapoint.reportId, sql.placeholder('reportId')),
        isNotNull(datapoint.value),
        isNull(datapoint.contextKey),
      ),
    )
    .prepare('jc_report_keys_with_data'),
);

/** `keysWithData` of a record without reading its values: a save needs only which metrics have one. */
export async function loadKeysWithData(db: Executor, reportId: number): Promise<Set<string>> {
  return new Set((await keysWithDataQuery(db).execute({ reportId })).map((row) => row.metricKey));
}

/** A record's stored datapoints, read once and grouped by metric, for the form and for checks. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { datapoint } from '../../db/schema.ts';

export interface StoredDatapoint {
  id: number;
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  contextKey: string | null;
  value: string | null;
}

export async function loadReportDatapoints(db: Executor, reportId: number): Promise<StoredDatapoint[]> {
  return db
    .select({
      id: datapoint.id,
      metricKey: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
      subDimensionName: datapoint.subDimensionName,
      contextKey: datapoint.contextKey,
      value: datapoint.value,
    })
    .from(datapoint)
    .where(eq(datapoint.reportId, reportId))
    .orderBy(datapoint.id);
}

/** Metrics with at least one value on the record: they stay on it whatever their frequency is now. */
export function keysWithData(datapoints: readonly StoredDatapoint[]): Set<string> {
  return new Set(datapoints.filter((d) => d.value !== null && d.contextKey === null).map((d) => d.metricKey));
}

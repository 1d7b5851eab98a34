/** Value datapoints (not context notes) of an agency's records, with their record's period and status. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { datapoint, report } from '../schema.ts';

export interface DatapointRow {
  id: number;
  reportId: number;
  startDate: string;
  endDate: string;
  status: 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  value: string | null;
}

/** One query, ordered by period then id; `reportIds` narrows it to some records, `status` to records in it. */
export async function loadDatapointRows(
  db: Executor,
  agencyId: number,
  { reportIds, status }: { reportIds?: readonly number[]; status?: DatapointRow['status'] } = {},
): Promise<DatapointRow[]> {
  return db
    .select({
      id: datapoint.id,
      reportId: report.id,
      startDate: report.dateRangeStart,
      endDate: report.dateRangeEnd,
      status: report.status,
      metricKey: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
      subDimensionName: datapoint.subDimensionName,
      value: datapoint.value,
    })
    .from(datapoint)
    .innerJoin(report, eq(report.id, datapoint.reportId))
    .where(
      and(
        eq(report.sourceId, agencyId),
        isNull(datapoint.contextKey),
        reportIds ? inArray(report.id, [...reportIds]) : undefined,
        status ? eq(report.status, status) : undefined,
      ),
    )
    .orderBy(asc(report.dateRangeStart), asc(datapoint.id));
}

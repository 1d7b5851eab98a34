/** Who changed which value of a record, when and how: the `datapoint_history` of one record, newest first. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { datapoint, datapointHistory } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getReportForAction } from './get-report.ts';
import { loadEditors, type Editor } from './report-editors.ts';

export interface ValueChange {
  datapointId: number;
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  contextKey: string | null;
  oldValue: string | null;
  newValue: string | null;
  oldUploadMethod: string | null;
  newUploadMethod: string | null;
  /** null for the system (automatic uploads, jobs) and for people no longer in the agency. */
  user: Editor | null;
  timestamp: Date;
}

/** Most changes returned at once; the form shows recent history, not an archive. */
const MAX_CHANGES = 500;

export async function findValueHistory(
  db: Executor,
  actor: Actor,
  input: { reportId: number; metricKey?: string | undefined },
): Promise<ValueChange[]> {
  const { report, agency } = await getReportForAction(db, actor, 'reports.view', input.reportId);
  const rows = await db
    .select({
      datapointId: datapoint.id,
      metricKey: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
      subDimensionName: datapoint.subDimensionName,
      contextKey: datapoint.contextKey,
      oldValue: datapointHistory.oldValue,
      newValue: datapointHistory.newValue,
      oldUploadMethod: datapointHistory.oldUploadMethod,
      newUploadMethod: datapointHistory.newUploadMethod,
      userId: datapointHistory.userAccountId,
      timestamp: datapointHistory.timestamp,
    })
    .from(datapointHistory)
    .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
    .where(
      and(
        eq(datapoint.reportId, report.id),
        input.metricKey === undefined ? undefined : eq(datapoint.metricDefinitionKey, input.metricKey),
      ),
    )
    .orderBy(desc(datapointHistory.timestamp), asc(datapointHistory.id))
    .limit(MAX_CHANGES);
  const editorsOf = await loadEditors(
    db,
    actor,
    agency,
    rows.map((row) => (row.userId === null ? [] : [row.userId])),
  );
  return rows.map(({ userId, ...row }) => ({
    ...row,
    user: userId === null ? null : (editorsOf([userId])[0] ?? null),
  }));
}

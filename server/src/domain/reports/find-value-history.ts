/**
 * Who changed which value of a record, when and how, newest first: the `datapoint_history` of one
 * record, and each value's first entry (blank → 120), which has no history row (as in the
 * reference) and is read from the datapoint itself: its first value, `created_by`,
 * `created_upload_method` and `created_at`.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { datapoint, datapointHistory } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getReportForAction } from './get-report.ts';
import { loadEditors, type Editor } from '../../db/queries/report-editors.ts';

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
  /**
   * The value's first entry rather than a change. Its `newUploadMethod` is null when the value was
   * entered before first entries were recorded: who entered it, and how, is not known.
   */
  firstEntry: boolean;
}

/** Most changes returned at once; the form shows recent history, not an archive. */
const MAX_CHANGES = 500;

const identity = {
  datapointId: datapoint.id,
  metricKey: datapoint.metricDefinitionKey,
  dimension: datapoint.dimensionIdentifierToMember,
  subDimensionName: datapoint.subDimensionName,
  contextKey: datapoint.contextKey,
};

function findChanges(db: Executor, inScope: SQL | undefined) {
  return db
    .select({
      ...identity,
      oldValue: datapointHistory.oldValue,
      newValue: datapointHistory.newValue,
      oldUploadMethod: datapointHistory.oldUploadMethod,
      newUploadMethod: datapointHistory.newUploadMethod,
      userId: datapointHistory.userAccountId,
      timestamp: datapointHistory.timestamp,
    })
    .from(datapointHistory)
    .innerJoin(datapoint, eq(datapoint.id, datapointHistory.datapointId))
    .where(inScope)
    .orderBy(desc(datapointHistory.timestamp), asc(datapointHistory.id))
    .limit(MAX_CHANGES);
}

/** Each datapoint's first value: the one before its earliest change, or its value now when nothing changed. */
function findFirstEntries(db: Executor, inScope: SQL | undefined) {
  const changedAtAll = sql`exists (select 1 from ${datapointHistory} h where h.datapoint_id = ${datapoint.id})`;
  const earliestOld = sql`(select h.old_value from ${datapointHistory} h
    where h.datapoint_id = ${datapoint.id} order by h.timestamp, h.id limit 1)`;
  return db
    .select({
      ...identity,
      firstValue: sql<string | null>`case when ${changedAtAll} then ${earliestOld} else ${datapoint.value} end`,
      method: datapoint.createdUploadMethod,
      userId: datapoint.createdBy,
      createdAt: datapoint.createdAt,
    })
    .from(datapoint)
    .where(inScope)
    .orderBy(asc(datapoint.id));
}

export async function findValueHistory(
  db: Executor,
  actor: Actor,
  input: { reportId: number; metricKey?: string | undefined },
): Promise<ValueChange[]> {
  const { report, agency } = await getReportForAction(db, actor, 'reports.view', input.reportId);
  const inScope = and(
    eq(datapoint.reportId, report.id),
    input.metricKey === undefined ? undefined : eq(datapoint.metricDefinitionKey, input.metricKey),
  );
  const [changes, firsts] = [await findChanges(db, inScope), await findFirstEntries(db, inScope)];
  const editorsOf = await loadEditors(
    db,
    actor,
    agency,
    [...changes, ...firsts].map((row) => (row.userId === null ? [] : [row.userId])),
  );
  const userOf = (id: number | null) => (id === null ? null : (editorsOf([id])[0] ?? null));
  const history: ValueChange[] = [
    ...changes.map(({ userId, ...row }) => ({ ...row, user: userOf(userId), firstEntry: false })),
    ...firsts.flatMap(({ userId, firstValue, method, createdAt, ...row }) =>
      // A value never filled in, or a datapoint with no creation time, has no first entry to show.
      firstValue === null || createdAt === null
        ? []
        : [
            {
              ...row,
              oldValue: null,
              newValue: firstValue,
              oldUploadMethod: null,
              newUploadMethod: method,
              user: userOf(userId),
              timestamp: createdAt,
              firstEntry: true,
            },
          ],
    ),
  ];
  // Newest first; a first entry made in the same instant as a change still comes after it.
  return history.sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime()).slice(0, MAX_CHANGES);
}

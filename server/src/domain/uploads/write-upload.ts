/**
 * Writes a checked upload inside one transaction: the records it needs, every value (with history,
 * through the one datapoint writer), drafts for changed records, and the spreadsheet record with its
 * file and result. Either all of it is committed or none, so a retry starts from the same state.
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { datapoint, report, spreadsheet, spreadsheetFile } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { datapointKey, type DatapointChange } from '../datapoints/datapoint-change.ts';
import { readStoredValue, type UploadMethod } from '../datapoints/datapoint-rules.ts';
import { writeDatapoints, type WrittenDatapoint } from '../datapoints/write-datapoints.ts';
import type { ReportRow } from '../reports/get-report.ts';
import { markReportsEdited } from '../reports/mark-reports-edited.ts';
import type { PlannedValue } from './plan-upload.ts';
import { agencyName, type UploadContext } from './upload-context.ts';
import type { UploadFileKind } from './raw-upload.ts';
import type { UploadMessage } from './upload-messages.ts';
import { findOrCreateReports, reportKey } from './upload-reports.ts';
import { metricResults, type UploadedDatapoint, type UploadedReport, type UploadResult } from './upload-result.ts';

export interface UploadToWrite {
  context: UploadContext;
  fileName: string;
  content: Buffer;
  planned: readonly PlannedValue[];
  messages: readonly UploadMessage[];
  now: Date;
}

const CONTENT_TYPES: Record<UploadFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

function toChange(value: PlannedValue, reportId: number): DatapointChange {
  const dimension =
    value.dimension && value.member ? { identifier: value.dimension.identifier, member: value.member.name } : null;
  return { reportId, metricKey: value.metric.key, dimension, value: value.value };
}

/** Inferred totals give way to a total the record already holds. */
async function dropFilledTotals(tx: Tx, changes: DatapointChange[], inferred: Set<DatapointChange>) {
  if (inferred.size === 0) return changes;
  const rows = await tx
    .select({ reportId: datapoint.reportId, metricKey: datapoint.metricDefinitionKey })
    .from(datapoint)
    .where(
      and(
        inArray(datapoint.reportId, [...new Set([...inferred].map((change) => change.reportId))]),
        isNull(datapoint.dimensionIdentifierToMember),
        isNull(datapoint.subDimensionName),
        isNull(datapoint.contextKey),
        sql`${datapoint.value} is not null`,
      ),
    );
  const filled = new Set(rows.map((row) => datapointKey({ ...row, value: null })));
  return changes.filter((change) => !inferred.has(change) || !filled.has(datapointKey(change)));
}

/** The stored id and value of every datapoint the upload sent, written or unchanged. */
async function storedDatapoints(tx: Tx, changes: readonly DatapointChange[]) {
  if (changes.length === 0) return new Map<string, { id: number; value: string | null }>();
  const rows = await tx
    .select({
      id: datapoint.id,
      reportId: datapoint.reportId,
      metricDefinitionKey: datapoint.metricDefinitionKey,
      dimensionIdentifierToMember: datapoint.dimensionIdentifierToMember,
      value: datapoint.value,
    })
    .from(datapoint)
    .where(
      and(
        inArray(datapoint.reportId, [...new Set(changes.map((change) => change.reportId))]),
        inArray(datapoint.metricDefinitionKey, [...new Set(changes.map((change) => change.metricKey))]),
        isNull(datapoint.subDimensionName),
        isNull(datapoint.contextKey),
      ),
    );
  return new Map(
    rows.map((row) => {
      const [identifier, member] = Object.entries(row.dimensionIdentifierToMember ?? {})[0] ?? [];
      const dimension = identifier !== undefined && member !== undefined ? { identifier, member } : null;
      const key = datapointKey({ reportId: row.reportId, metricKey: row.metricDefinitionKey, dimension, value: null });
      return [key, { id: row.id, value: row.value }];
    }),
  );
}

function uploadedReport(context: UploadContext, row: ReportRow): UploadedReport {
  return {
    id: row.id,
    agencyId: row.sourceId,
    agencyName: agencyName(context, row.sourceId),
    frequency: row.type === 'ANNUAL' ? 'ANNUAL' : 'MONTHLY',
    start: row.dateRangeStart,
    end: row.dateRangeEnd,
    status: row.status,
    lastModifiedAt: row.lastModifiedAt?.toISOString() ?? null,
    isRecurring: row.isRecurring ?? false,
    publishDate: row.publishDate,
  };
}

interface WriteOutcome {
  sent: { value: PlannedValue; change: DatapointChange }[];
  written: WrittenDatapoint[];
  reports: Map<number, ReportRow>;
  createdIds: Set<number>;
  updatedIds: Set<number>;
}

async function writeValues(tx: Tx, actor: Actor, input: UploadToWrite, method: UploadMethod): Promise<WriteOutcome> {
  const wanted = input.planned.map((value) => ({ agencyId: value.agencyId, period: value.period }));
  const found = await findOrCreateReports(tx, actor, wanted, input.now);
  const pairs = input.planned.map((value) => ({
    value,
    change: toChange(value, found.idOf.get(reportKey(value.agencyId, value.period)) ?? 0),
  }));
  const inferred = new Set(pairs.filter((pair) => pair.value.onlyIfEmpty).map((pair) => pair.change));
  const kept = new Set(
    await dropFilledTotals(
      tx,
      pairs.map((pair) => pair.change),
      inferred,
    ),
  );
  const sent = pairs.filter((pair) => kept.has(pair.change));
  const { written } = await writeDatapoints(tx, actor, {
    method,
    changes: sent.map((pair) => pair.change),
    now: input.now,
  });
  const changed = new Set(written.filter((w) => !w.inserted || w.newValue !== null).map((w) => w.change.reportId));
  const updatedIds = new Set(found.existing.map((row) => row.id).filter((id) => changed.has(id)));
  if (method === 'BULK_UPLOAD') {
    await markReportsEdited(tx, {
      reportIds: [...updatedIds],
      editorId: actor.userId,
      status: 'DRAFT',
      now: input.now,
    });
  }
  const ids = [...found.idOf.values()];
  const rows = ids.length === 0 ? [] : await tx.select().from(report).where(inArray(report.id, ids));
  return {
    sent,
    written,
    reports: new Map(rows.map((row) => [row.id, row])),
    createdIds: new Set(found.created.map((row) => row.id)),
    updatedIds,
  };
}

async function uploadedDatapoints(tx: Tx, context: UploadContext, outcome: WriteOutcome): Promise<UploadedDatapoint[]> {
  const stored = await storedDatapoints(
    tx,
    outcome.sent.map((pair) => pair.change),
  );
  const changedFrom = new Map(
    outcome.written.filter((w) => !w.inserted).map((w) => [datapointKey(w.change), w.oldValue]),
  );
  return outcome.sent.map(({ value, change }) => {
    const key = datapointKey(change);
    const row = stored.get(key);
    return {
      id: row?.id ?? 0,
      reportId: change.reportId,
      agencyId: value.agencyId,
      agencyName: agencyName(context, value.agencyId),
      metricKey: value.metric.key,
      metricDisplayName: value.metric.displayName,
      start: value.period.start,
      end: value.period.end,
      frequency: value.period.frequency,
      breakdownDisplayName: value.dimension?.displayName ?? null,
      memberDisplayName: value.member?.value ?? null,
      value: readStoredValue(row?.value ?? null),
      oldValue: readStoredValue(changedFrom.get(key) ?? null),
      isPublished: outcome.reports.get(change.reportId)?.status === 'PUBLISHED',
    };
  });
}

async function saveSpreadsheet(
  tx: Tx,
  actor: Actor,
  input: UploadToWrite,
  numNewDatapoints: number,
  hasErrors: boolean,
) {
  const { context, now } = input;
  const uploadedBy = actor.userId === null ? null : String(actor.userId);
  const [row] = await tx
    .insert(spreadsheet)
    .values({
      originalName: input.fileName,
      standardizedName: `${context.agency.id}:${context.system}:${now.getTime() / 1000}.xlsx`,
      agencyId: context.agency.id,
      system: context.system,
      status: hasErrors ? 'ERRORED' : 'INGESTED',
      uploadedAt: now,
      uploadedBy,
      uploadedByUserId: actor.userId,
      ingestedBy: hasErrors ? null : uploadedBy,
      ingestedAt: hasErrors ? null : now,
      numNewDatapoints,
    })
    .returning({ id: spreadsheet.id });
  const id = row!.id;
  await tx
    .insert(spreadsheetFile)
    .values({ spreadsheetId: id, contentType: CONTENT_TYPES[input.context.fileKind], content: input.content });
  return id;
}

export async function writeUpload(tx: Tx, actor: Actor, input: UploadToWrite): Promise<UploadResult> {
  const method: UploadMethod = actor.userId === null ? 'AUTOMATED_BULK_UPLOAD' : 'BULK_UPLOAD';
  const outcome = await writeValues(tx, actor, input, method);
  const datapoints = await uploadedDatapoints(tx, input.context, outcome);
  const numNew = outcome.written.filter((w) => w.inserted && w.newValue !== null).length;
  const hasErrors = input.messages.some((message) => message.type === 'ERROR');
  const spreadsheetId = await saveSpreadsheet(tx, actor, input, numNew, hasErrors);
  const newestFirst = [...outcome.reports.values()].sort(
    (a, b) => b.dateRangeEnd.localeCompare(a.dateRangeEnd) || b.id - a.id,
  );
  const reportsWhere = (test: (id: number) => boolean) =>
    newestFirst.filter((row) => test(row.id)).map((row) => uploadedReport(input.context, row));
  const result: UploadResult = {
    spreadsheetId,
    fileName: input.fileName,
    system: input.context.system,
    ...metricResults(input.context, input.messages, datapoints),
    newReports: reportsWhere((id) => outcome.createdIds.has(id)),
    updatedReports: reportsWhere((id) => outcome.updatedIds.has(id)),
    unchangedReports: reportsWhere((id) => !outcome.createdIds.has(id) && !outcome.updatedIds.has(id)),
  };
  await tx
    .update(spreadsheet)
    .set({ ingestResult: result })
    .where(sql`${spreadsheet.id} = ${spreadsheetId}`);
  return result;
}

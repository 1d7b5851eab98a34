/**
 * Writes a checked upload inside one transaction: the records it needs, every value (with history,
 * through the one datapoint writer), drafts for changed records, and the spreadsheet record with its
 * file and result. Either all of it is committed or none, so a retry starts from the same state.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { report, spreadsheet, spreadsheetFile } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { UploadMethod } from '../datapoints/datapoint-rules.ts';
import { markReportsEdited, type ReportRow } from '../../db/queries/reports.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import { requestPublicRefresh } from '../../db/queries/public-refresh.ts';
import { dropStaleNotes } from '../../db/queries/data-notes.ts';
import type { PublishCheckThresholds } from '../reports/publish-check-rules.ts';
import { checkPlannedValues } from './check-planned-values.ts';
import { jsonInTurns } from '../../lib/json-in-turns.ts';
import { mergeUploadValues, type MergedValue, type MergeStep } from './merge-upload-values.ts';
import type { PlannedValues } from './planned-values.ts';
import { storedUploadResult } from './stored-upload-result.ts';
import { MergedColumns, UploadedValueList } from './uploaded-values.ts';
import { agencyName, type UploadContext } from './upload-context.ts';
import type { UploadFileKind } from './raw-upload.ts';
import type { UploadMessage } from './upload-messages.ts';
import { findOrCreateReports, reportKey, type PeriodOfAgency } from './upload-reports.ts';
import {
  metricResults,
  type FileCounts,
  type UploadedReport,
  type UploadResult,
  type UploadSummary,
} from './upload-result.ts';

export interface UploadToWrite {
  context: UploadContext;
  fileName: string;
  content: Buffer;
  planned: PlannedValues;
  messages: readonly UploadMessage[];
  fileCounts: FileCounts;
  /** The deployment's thresholds for flags: an explanation whose flag the upload removed is dropped. */
  checks: PublishCheckThresholds;
  now: Date;
  /** Told the number of values written as the write goes on. */
  onWritten?: (rowsWritten: number) => void;
  /** Awaited on entering each step of the write (the crash tests stop the process there). */
  onStep?: (step: MergeStep) => Promise<void> | void;
}

const CONTENT_TYPES: Record<UploadFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

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
  /** The values sent, by metric key. */
  datapointsOf: Map<string, UploadedValueList>;
  numNewDatapoints: number;
  reports: Map<number, ReportRow>;
  createdIds: Set<number>;
  updatedIds: Set<number>;
  /** Records that were published before the upload and are drafts now. */
  unpublishedIds: Set<number>;
}

/** The distinct agency and period pairs of the values. */
function periodsOfAgencies({ columns }: PlannedValues): PeriodOfAgency[] {
  const seen = columns.periods.map(() => new Set<number>());
  const pairs: PeriodOfAgency[] = [];
  columns.agencyId.forEach((agencyId, i) => {
    const period = columns.period[i]!;
    if (seen[period]!.has(agencyId)) return;
    seen[period]!.add(agencyId);
    pairs.push({ agencyId, period: columns.periods[period]! });
  });
  return pairs;
}

/** The record of each value, by position; looked up once per period and agency. */
function reportIdsOf({ columns }: PlannedValues, idOf: ReadonlyMap<string, number>): Int32Array {
  const known = columns.periods.map(() => new Map<number, number>());
  return columns.agencyId.map((agencyId, i) => {
    const period = columns.period[i]!;
    let id = known[period]!.get(agencyId);
    if (id === undefined) {
      id = idOf.get(reportKey(agencyId, columns.periods[period]!)) ?? 0;
      known[period]!.set(agencyId, id);
    }
    return id;
  });
}

/** The result's values by metric, the records whose values changed and the count of new datapoints. */
async function collectMerged(merged: AsyncIterable<MergedValue>, planned: PlannedValues, reportIds: Int32Array) {
  const { metric, metricKeys } = planned.columns;
  const changedReportIds = new Set<number>();
  const columns = new MergedColumns(planned, reportIds);
  const ordsOfMetric = metricKeys.map((): number[] => []);
  let numNewDatapoints = 0;
  for await (const entry of merged) {
    if (entry.written) changedReportIds.add(reportIds[entry.ord]!);
    if (entry.inserted) numNewDatapoints += 1;
    columns.record(entry);
    ordsOfMetric[metric[entry.ord]!]!.push(entry.ord);
  }
  const datapointsOf = new Map<string, UploadedValueList>();
  ordsOfMetric.forEach((ords, index) => {
    if (ords.length > 0) datapointsOf.set(metricKeys[index]!, new UploadedValueList(columns, Int32Array.from(ords)));
  });
  return { changedReportIds, datapointsOf, numNewDatapoints };
}

/**
 * Published records the upload changed. A person's upload sends them back to draft, so their figures
 * leave the public side at once (a release). An automatic upload leaves them published, so their new
 * figures go public through the refresh a save of a published record asks for.
 * Returns the records that went back to draft.
 */
async function settlePublishedRecords(
  tx: Tx,
  actor: Actor,
  input: { updated: ReportRow[]; method: UploadMethod; now: Date },
): Promise<Set<number>> {
  const published = input.updated.filter((row) => row.status === 'PUBLISHED');
  const agencyIds = new Set(published.map((row) => row.sourceId));
  if (input.method === 'AUTOMATED_BULK_UPLOAD') {
    for (const agencyId of agencyIds) {
      await requestPublicRefresh(tx, { agencyId, userId: actor.userId, now: input.now });
    }
    return new Set();
  }
  await markReportsEdited(tx, {
    reportIds: input.updated.map((row) => row.id),
    editorId: actor.userId,
    status: 'DRAFT',
    now: input.now,
  });
  for (const agencyId of agencyIds) await recordPublicRelease(tx, { agencyId, userId: actor.userId, now: input.now });
  return new Set(published.map((row) => row.id));
}

/**
 * Every value into the records it needs (mergeUploadValues). A datapoint appears once among the
 * planned values (planUpload drops duplicate rows).
 */
async function writeValues(tx: Tx, actor: Actor, input: UploadToWrite, method: UploadMethod): Promise<WriteOutcome> {
  const found = await findOrCreateReports(tx, actor, periodsOfAgencies(input.planned), input.now);
  const { planned } = input;
  const reportIds = reportIdsOf(planned, found.idOf);
  await checkPlannedValues(planned, reportIds);
  const merged = await mergeUploadValues(tx, actor, {
    method,
    now: input.now,
    values: planned,
    reportIds,
    // Staging is about half of the write; the merge statements are the rest.
    onCopied: (count) => input.onWritten?.(Math.floor(count / 2)),
    onStep: input.onStep,
  });
  const { datapointsOf, numNewDatapoints, changedReportIds } = await collectMerged(merged, planned, reportIds);
  await dropStaleNotes(tx, { reportIds: changedReportIds, limits: input.checks });
  input.onWritten?.(planned.length);
  const updated = found.existing.filter((row) => changedReportIds.has(row.id));
  const updatedIds = new Set(updated.map((row) => row.id));
  const unpublishedIds = await settlePublishedRecords(tx, actor, { updated, method, now: input.now });
  const ids = [...found.idOf.values()];
  const rows = ids.length === 0 ? [] : await tx.select().from(report).where(inArray(report.id, ids));
  return {
    datapointsOf,
    numNewDatapoints,
    reports: new Map(rows.map((row) => [row.id, row])),
    createdIds: new Set(found.created),
    updatedIds,
    unpublishedIds,
  };
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

function summaryOf(input: UploadToWrite, outcome: WriteOutcome): UploadSummary {
  const { read, blank, errors, warnings } = input.fileCounts;
  const rowsSaved = input.planned.length - input.planned.columns.onlyIfEmpty.reduce((sum, flag) => sum + flag, 0);
  return {
    rowsSaved,
    rowsBlank: blank,
    rowsSkipped: Math.max(0, read - blank - rowsSaved),
    recordsCreated: outcome.createdIds.size,
    recordsChanged: outcome.updatedIds.size,
    recordsUnpublished: outcome.unpublishedIds.size,
    errors,
    warnings,
  };
}

export async function writeUpload(tx: Tx, actor: Actor, input: UploadToWrite): Promise<UploadResult> {
  const method: UploadMethod = actor.userId === null ? 'AUTOMATED_BULK_UPLOAD' : 'BULK_UPLOAD';
  const outcome = await writeValues(tx, actor, input, method);
  const hasErrors = input.messages.some((message) => message.type === 'ERROR');
  const spreadsheetId = await saveSpreadsheet(tx, actor, input, outcome.numNewDatapoints, hasErrors);
  const newestFirst = [...outcome.reports.values()].sort(
    (a, b) => b.dateRangeEnd.localeCompare(a.dateRangeEnd) || b.id - a.id,
  );
  const reportsWhere = (test: (id: number) => boolean) =>
    newestFirst.filter((row) => test(row.id)).map((row) => uploadedReport(input.context, row));
  const result: UploadResult = {
    spreadsheetId,
    summary: summaryOf(input, outcome),
    fileName: input.fileName,
    system: input.context.system,
    ...metricResults(input.context, input.messages, outcome.datapointsOf),
    newReports: reportsWhere((id) => outcome.createdIds.has(id)),
    updatedReports: reportsWhere((id) => outcome.updatedIds.has(id)),
    unchangedReports: reportsWhere((id) => !outcome.createdIds.has(id) && !outcome.updatedIds.has(id)),
  };
  // Written as text in turns (the result is megabytes), so other requests are answered meanwhile.
  const values = (metricKey: string) => outcome.datapointsOf.get(metricKey)?.stored() ?? [];
  const stored = await jsonInTurns(storedUploadResult(result, input.planned.columns.breakdowns, values));
  await tx.execute(
    sql`update ${spreadsheet} set ingest_result = ${stored}::json where ${spreadsheet.id} = ${spreadsheetId}`,
  );
  return result;
}

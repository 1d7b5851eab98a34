/**
 * Writes a checked upload inside one transaction: the records it needs, every value (with history,
 * through the one datapoint writer), drafts for changed records, and the spreadsheet record with its
 * file and result. Either all of it is committed or none, so a retry starts from the same state.
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { datapoint, report, spreadsheet, spreadsheetFile } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { datapointKey, type DatapointChange } from '../datapoints/datapoint-change-rules.ts';
import { readStoredValue, type UploadMethod } from '../datapoints/datapoint-rules.ts';
import { writeDatapoints, type SavedDatapoint } from '../../db/queries/write-datapoints.ts';
import { markReportsEdited, type ReportRow } from '../../db/queries/reports.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import type { PlannedValue } from './plan-upload.ts';
import { agencyName, type UploadContext } from './upload-context.ts';
import type { UploadFileKind } from './raw-upload.ts';
import type { UploadMessage } from './upload-messages.ts';
import type { Period } from './read-sheet-rows.ts';
import { findOrCreateReports, reportKey, type PeriodOfAgency } from './upload-reports.ts';
import {
  metricResults,
  type FileCounts,
  type UploadedReport,
  type UploadedValue,
  type UploadResult,
  type UploadSummary,
} from './upload-result.ts';

export interface UploadToWrite {
  context: UploadContext;
  fileName: string;
  content: Buffer;
  planned: readonly PlannedValue[];
  messages: readonly UploadMessage[];
  fileCounts: FileCounts;
  now: Date;
  /** Told the number of values written after every batch. */
  onWritten?: (rowsWritten: number) => void;
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

/** Inferred totals give way to a total the record already holds (a record the upload created holds none). */
async function dropFilledTotals(tx: Tx, pairs: SentValue[], newReportIds: ReadonlySet<number>): Promise<SentValue[]> {
  const inferred = pairs.filter((pair) => pair.value.onlyIfEmpty && !newReportIds.has(pair.change.reportId));
  if (inferred.length === 0) return pairs;
  const rows = await tx
    .select({ reportId: datapoint.reportId, metricKey: datapoint.metricDefinitionKey })
    .from(datapoint)
    .where(
      and(
        inArray(datapoint.reportId, [...new Set(inferred.map((pair) => pair.change.reportId))]),
        isNull(datapoint.dimensionIdentifierToMember),
        isNull(datapoint.subDimensionName),
        isNull(datapoint.contextKey),
        sql`${datapoint.value} is not null`,
      ),
    );
  const filled = new Set(rows.map((row) => datapointKey({ ...row, value: null })));
  return pairs.filter((pair) => !pair.value.onlyIfEmpty || !filled.has(datapointKey(pair.change)));
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

interface SentValue {
  value: PlannedValue;
  change: DatapointChange;
}

interface WriteOutcome {
  /** The values sent, by metric key. */
  datapointsOf: Map<string, UploadedValue[]>;
  numNewDatapoints: number;
  reports: Map<number, ReportRow>;
  createdIds: Set<number>;
  updatedIds: Set<number>;
  /** Records that were published before the upload and are drafts now. */
  unpublishedIds: Set<number>;
}

/**
 * Values are written this many at a time: the statements, their parameters and what they return
 * stay small, and only the compact result of each batch is kept.
 */
const BATCH_SIZE = 20_000;

/** The tuple the result keeps for a value, from where the writer left its datapoint. */
function uploadedValue(change: DatapointChange, saved: SavedDatapoint): UploadedValue {
  const stored = saved.written ? saved.newValue : saved.oldValue;
  const oldValue = saved.written && !saved.inserted ? readStoredValue(saved.oldValue) : null;
  const { dimension } = change;
  return [
    saved.datapointId,
    change.reportId,
    dimension?.identifier ?? null,
    dimension?.member ?? null,
    readStoredValue(stored),
    oldValue,
  ];
}

/** Writes one batch; returns the records it changed and how many datapoints it added. */
async function writeBatch(tx: Tx, actor: Actor, pairs: SentValue[], batch: BatchContext) {
  const sent = await dropFilledTotals(tx, pairs, batch.newReportIds);
  const { saved } = await writeDatapoints(tx, actor, {
    method: batch.method,
    changes: sent.map((pair) => pair.change),
    now: batch.now,
    newReportIds: batch.newReportIds,
  });
  sent.forEach(({ value, change }, index) => {
    const entry = saved[index]!;
    if (entry.written && (!entry.inserted || entry.newValue !== null)) batch.changedReportIds.add(change.reportId);
    if (entry.written && entry.inserted && entry.newValue !== null) batch.numNewDatapoints += 1;
    const list = batch.datapointsOf.get(value.metric.key);
    if (list) list.push(uploadedValue(change, entry));
    else batch.datapointsOf.set(value.metric.key, [uploadedValue(change, entry)]);
  });
}

interface BatchContext {
  method: UploadMethod;
  now: Date;
  newReportIds: ReadonlySet<number>;
  changedReportIds: Set<number>;
  datapointsOf: Map<string, UploadedValue[]>;
  numNewDatapoints: number;
}

/** The distinct agency and period pairs of the values (rows share their period objects). */
function periodsOfAgencies(planned: readonly PlannedValue[]): PeriodOfAgency[] {
  const seen = new Map<Period, Set<number>>();
  const pairs: PeriodOfAgency[] = [];
  for (const { agencyId, period } of planned) {
    const agencies = seen.get(period) ?? new Set<number>();
    seen.set(period, agencies);
    if (agencies.has(agencyId)) continue;
    agencies.add(agencyId);
    pairs.push({ agencyId, period });
  }
  return pairs;
}

/** A value's record id, looked up once per period object and agency. */
function reportIdLookup(idOf: ReadonlyMap<string, number>): (value: PlannedValue) => number {
  const known = new Map<Period, Map<number, number>>();
  return ({ agencyId, period }) => {
    const byAgency = known.get(period) ?? new Map<number, number>();
    known.set(period, byAgency);
    let id = byAgency.get(agencyId);
    if (id === undefined) byAgency.set(agencyId, (id = idOf.get(reportKey(agencyId, period)) ?? 0));
    return id;
  };
}

/**
 * Every value, batch by batch, into the records it needs. A datapoint appears once among the
 * planned values (planUpload drops duplicate rows), so no batch overwrites another's value.
 */
async function writeValues(tx: Tx, actor: Actor, input: UploadToWrite, method: UploadMethod): Promise<WriteOutcome> {
  const found = await findOrCreateReports(tx, actor, periodsOfAgencies(input.planned), input.now);
  const reportIdOf = reportIdLookup(found.idOf);
  const batch: BatchContext = {
    method,
    now: input.now,
    newReportIds: new Set(found.created.map((row) => row.id)),
    changedReportIds: new Set(),
    datapointsOf: new Map(),
    numNewDatapoints: 0,
  };
  for (let start = 0; start < input.planned.length; start += BATCH_SIZE) {
    const pairs = input.planned.slice(start, start + BATCH_SIZE).map((value) => ({
      value,
      change: toChange(value, reportIdOf(value)),
    }));
    await writeBatch(tx, actor, pairs, batch);
    input.onWritten?.(start + pairs.length);
  }
  const updated = found.existing.filter((row) => batch.changedReportIds.has(row.id));
  const updatedIds = new Set(updated.map((row) => row.id));
  const demotes = method === 'BULK_UPLOAD';
  const unpublishedIds = new Set(demotes ? updated.filter((row) => row.status === 'PUBLISHED').map((r) => r.id) : []);
  if (demotes) {
    await markReportsEdited(tx, {
      reportIds: [...updatedIds],
      editorId: actor.userId,
      status: 'DRAFT',
      now: input.now,
    });
    // Published records the upload changed went back to draft: their figures left the public side.
    const unpublished = found.existing.filter((row) => updatedIds.has(row.id) && row.status === 'PUBLISHED');
    for (const agencyId of new Set(unpublished.map((row) => row.sourceId))) {
      await recordPublicRelease(tx, { agencyId, userId: actor.userId, now: input.now });
    }
  }
  const ids = [...found.idOf.values()];
  const rows = ids.length === 0 ? [] : await tx.select().from(report).where(inArray(report.id, ids));
  return {
    datapointsOf: batch.datapointsOf,
    numNewDatapoints: batch.numNewDatapoints,
    reports: new Map(rows.map((row) => [row.id, row])),
    createdIds: batch.newReportIds as Set<number>,
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
  const rowsSaved = input.planned.filter((value) => !value.onlyIfEmpty).length;
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
  await tx
    .update(spreadsheet)
    .set({ ingestResult: result })
    .where(sql`${spreadsheet.id} = ${spreadsheetId}`);
  return result;
}

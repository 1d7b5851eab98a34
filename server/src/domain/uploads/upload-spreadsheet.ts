/**
 * Bulk upload (`POST /api/spreadsheets`): read the file, check every sheet and row, then write the
 * whole upload in one transaction. Rows and sheets with problems are reported and left out, as in
 * the reference; a file that cannot be read at all, or breaks a limit, is refused with nothing written.
 */
import { isSystemName, type SystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import type { MergeStep } from './merge-upload-values.ts';
import { planUpload, type PlannedValue } from './plan-upload.ts';
import { readUploadFile } from './read-upload-file.ts';
import { agencyName, loadUploadContext, type UploadAgency, type UploadContext } from './upload-context.ts';
import type { UploadMessage } from './upload-messages.ts';
import type { ProgressListener } from './upload-progress.ts';
import type { FileCounts, UploadResult } from './upload-result.ts';
import { warnAboutUnfinishedPeriods } from './unfinished-periods.ts';
import { validateUpload } from './validate-upload.ts';
import { writeUpload, type UploadToWrite } from './write-upload.ts';

export interface UploadSpreadsheetInput {
  agencyId: number;
  /** The sector the file is for, e.g. LAW_ENFORCEMENT; SUPERVISION covers its sub-systems. */
  system: string;
  fileName: string;
  content: Buffer;
  now: Date;
  /** Told how far the upload has got, as it reads and as it writes. */
  onProgress?: ProgressListener;
  /** Awaited on entering each step of the write (the crash tests stop the process there). */
  onStep?: (step: MergeStep) => Promise<void> | void;
}

/** The sectors an agency may upload for: its own, plus SUPERAGENCY for a superagency. */
export function uploadSystems(agency: UploadAgency): SystemName[] {
  const own = (agency.systems ?? []).filter(isSystemName);
  return agency.isSuperagency && !own.includes('SUPERAGENCY') ? ['SUPERAGENCY', ...own] : own;
}

/** The sectors the actor may upload for in this agency (the CLI picks the only one). */
export async function findUploadSystems(db: Executor, actor: Actor, agencyId: number): Promise<SystemName[]> {
  return uploadSystems(await getAgencyForAction(db, actor, 'uploads.create', agencyId));
}

export function checkUploadSystem(agency: UploadAgency, system: string): SystemName {
  const allowed = uploadSystems(agency);
  if (isSystemName(system) && allowed.includes(system)) return system;
  throw invalid('system', `must be one of the agency's sectors: ${allowed.join(', ') || 'none'} (got "${system}")`);
}

/** A checked upload, ready to write: its context, the values to save and every message. */
export interface PreparedUpload {
  context: UploadContext;
  planned: PlannedValue[];
  messages: UploadMessage[];
  /** Rows read and left blank, and messages filed, for the result's summary. */
  fileCounts: FileCounts;
}

/** Reads and checks the file; writes nothing (the CLI's --dry-run stops here). */
export async function prepareUpload(
  db: Executor,
  actor: Actor,
  input: UploadSpreadsheetInput,
): Promise<PreparedUpload> {
  const agency = await getAgencyForAction(db, actor, 'uploads.create', input.agencyId);
  const system = checkUploadSystem(agency, input.system);
  const onRead = (rowsRead: number, shareRead: number) => input.onProgress?.({ phase: 'reading', rowsRead, shareRead });
  const upload = await readUploadFile(input.fileName, input.content, onRead);
  const context = await loadUploadContext(db, { agency, system, fileKind: upload.kind, now: input.now });
  const validated = await validateUpload(context, upload);
  const label = (agencyId: number) => (context.children.length > 1 ? agencyName(context, agencyId) : null);
  const planned = planUpload(validated.rows, validated.messages, label);
  warnAboutUnfinishedPeriods(planned, context.today, validated.messages);
  const fileCounts = { ...validated.counts, ...validated.messages.totals };
  return { context, planned, messages: validated.messages.list(), fileCounts };
}

/** What writeUpload needs for a prepared upload, telling `onProgress` of every batch written. */
export function uploadToWrite(input: UploadSpreadsheetInput, prepared: PreparedUpload): UploadToWrite {
  const { fileCounts, planned } = prepared;
  const writing = { rowsRead: fileCounts.read, errors: fileCounts.errors, warnings: fileCounts.warnings };
  return {
    ...prepared,
    fileName: input.fileName,
    content: input.content,
    now: input.now,
    onStep: input.onStep,
    onWritten: (rowsWritten) =>
      input.onProgress?.({ phase: 'writing', ...writing, rowsToWrite: planned.length, rowsWritten }),
  };
}

export async function uploadSpreadsheet(
  db: Executor,
  actor: Actor,
  input: UploadSpreadsheetInput,
): Promise<UploadResult> {
  const prepared = await prepareUpload(db, actor, input);
  return db.transaction((tx) => writeUpload(tx, actor, uploadToWrite(input, prepared)));
}

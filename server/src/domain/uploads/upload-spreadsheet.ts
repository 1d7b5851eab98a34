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
import type { CheckedUpload } from './check-upload.ts';
import { checkUploadInWorker } from './check-upload-in-worker.ts';
import { loadUploadContext } from './load-upload-context.ts';
import { checkUploadFile } from './read-upload-file.ts';
import type { UploadAgency, UploadContext } from './upload-context.ts';
import type { ProgressListener } from './upload-progress.ts';
import type { UploadResult } from './upload-result.ts';
import { writeUpload, type UploadToWrite } from './write-upload.ts';
import type { PublishCheckThresholds } from '../reports/publish-check-rules.ts';

export interface UploadSpreadsheetInput {
  agencyId: number;
  /** The sector the file is for, e.g. LAW_ENFORCEMENT; SUPERVISION covers its sub-systems. */
  system: string;
  fileName: string;
  content: Buffer;
  /** The deployment's thresholds for flags (publish-check-rules.ts). */
  checks: PublishCheckThresholds;
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
export interface PreparedUpload extends CheckedUpload {
  context: UploadContext;
}

/**
 * Reads and checks the file in a worker thread (checkUpload), after loading what the checks need
 * to know of the agency; writes nothing (the CLI's --dry-run stops here).
 */
export async function prepareUpload(
  db: Executor,
  actor: Actor,
  input: UploadSpreadsheetInput,
): Promise<PreparedUpload> {
  const agency = await getAgencyForAction(db, actor, 'uploads.create', input.agencyId);
  const system = checkUploadSystem(agency, input.system);
  const fileKind = checkUploadFile(input.fileName, input.content);
  const context = await loadUploadContext(db, { agency, system, fileKind, now: input.now });
  const onRead = (rowsRead: number, shareRead: number) => input.onProgress?.({ phase: 'reading', rowsRead, shareRead });
  const checked = await checkUploadInWorker({ fileName: input.fileName, content: input.content, context }, onRead);
  return { context, ...checked };
}

/** What writeUpload needs for a prepared upload, telling `onProgress` of every batch written. */
export function uploadToWrite(input: UploadSpreadsheetInput, prepared: PreparedUpload): UploadToWrite {
  const { fileCounts, planned } = prepared;
  const writing = { rowsRead: fileCounts.read, errors: fileCounts.errors, warnings: fileCounts.warnings };
  return {
    ...prepared,
    fileName: input.fileName,
    checks: input.checks,
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

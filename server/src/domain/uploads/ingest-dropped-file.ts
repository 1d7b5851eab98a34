/**
 * Automatic ingestion (`POST /api/ingest-spreadsheet`, the reference's SFTP drop): a file an
 * agency put in the operator's drop folder is uploaded through the same use case as the upload
 * page, so it is checked, recorded as an uploaded file and refused exactly as that upload would be.
 * The route runs it as the system, so published records stay published (AUTOMATED_BULK_UPLOAD).
 */
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import type { Executor } from '../../db/database.ts';
import { readInsideFolder, type FolderRead } from '../../lib/read-inside-folder.ts';
import type { Actor } from '../actor.ts';
import { type DomainError, invalid, notFound } from '../errors.ts';
import { fileTooLarge } from './raw-upload.ts';
import { parseDroppedPath, type DroppedFile } from './dropped-file-rules.ts';
import { findUploadSystems, uploadSpreadsheet } from './upload-spreadsheet.ts';
import type { UploadResult } from './upload-result.ts';
import type { PublishCheckThresholds } from '../reports/publish-check-rules.ts';

export interface IngestDroppedFileInput {
  /** The drop folder (INGEST_DIR). */
  dropFolder: string;
  /** The file's path inside it, e.g. `12/LAW_ENFORCEMENT/arrests.xlsx`. */
  file: string;
  /** The deployment's thresholds for flags (publish-check-rules.ts). */
  checks: PublishCheckThresholds;
  now: Date;
}

async function systemOf(db: Executor, actor: Actor, dropped: DroppedFile): Promise<string> {
  const systems = await findUploadSystems(db, actor, dropped.agencyId);
  if (dropped.system) return dropped.system;
  if (systems.length === 1 && systems[0]) return systems[0];
  throw invalid(
    'file',
    `agency ${dropped.agencyId} reports for ${systems.join(', ') || 'no sector'}; put the file in a folder named after its sector, such as ${dropped.agencyId}/${systems[0] ?? 'LAW_ENFORCEMENT'}/${dropped.fileName}`,
  );
}

function refusal(file: string, reason: Exclude<FolderRead, { ok: true }>['reason']): DomainError {
  switch (reason) {
    case 'outside':
      return invalid(
        'file',
        `"${file}" leads outside the drop folder (through a link); only plain files inside it are read`,
      );
    case 'missing':
      return notFound(`The file "${file}" in the drop folder`);
    case 'not_a_file':
      return invalid('file', `"${file}" is not a file`);
    case 'too_large':
      return fileTooLarge();
  }
}

export async function ingestDroppedFile(
  db: Executor,
  actor: Actor,
  input: IngestDroppedFileInput,
): Promise<UploadResult> {
  const dropped = parseDroppedPath(input.file);
  const system = await systemOf(db, actor, dropped);
  const read = await readInsideFolder(input.dropFolder, input.file, UPLOAD_LIMITS.maxFileBytes);
  if (!read.ok) throw refusal(input.file, read.reason);
  const upload = { agencyId: dropped.agencyId, system, fileName: dropped.fileName, content: read.content };
  return uploadSpreadsheet(db, actor, { ...upload, checks: input.checks, now: input.now });
}

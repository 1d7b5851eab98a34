/** `GET /api/:spreadsheetId/bulk-upload-json`: what an upload reported, for shareable result pages. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getSpreadsheetForAction } from './get-spreadsheet.ts';
import { readStoredUploadResult } from './stored-upload-result.ts';
import type { UploadResult } from './upload-result.ts';

export async function getUploadResult(db: Executor, actor: Actor, spreadsheetId: number): Promise<UploadResult> {
  const record = await getSpreadsheetForAction(db, actor, 'uploads.view', spreadsheetId);
  if (!record.ingestResult) throw notFound(`The result of uploaded file ${spreadsheetId}`);
  const result = readStoredUploadResult(record.ingestResult);
  if (!result) {
    throw notFound(`The result of uploaded file ${spreadsheetId} (kept in an older format; upload the file again)`);
  }
  return result;
}

/** `GET /api/:spreadsheetId/bulk-upload-json`: what an upload reported, for shareable result pages. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getSpreadsheetForAction } from './get-spreadsheet.ts';
import type { UploadResult } from './upload-result.ts';

/**
 * Results stored before values were kept as tuples (upload-result.ts) listed them as objects;
 * those stored before the summary have none to show.
 */
const isCurrentShape = (result: UploadResult) =>
  result.summary !== undefined &&
  // Read from JSON, so every list of values is an array.
  result.metrics.every((metric) => (metric.datapoints as readonly unknown[]).every((value) => Array.isArray(value)));

export async function getUploadResult(db: Executor, actor: Actor, spreadsheetId: number): Promise<UploadResult> {
  const record = await getSpreadsheetForAction(db, actor, 'uploads.view', spreadsheetId);
  const result = record.ingestResult as UploadResult | null;
  if (!result) throw notFound(`The result of uploaded file ${spreadsheetId}`);
  if (!isCurrentShape(result)) {
    throw notFound(`The result of uploaded file ${spreadsheetId} (kept in an older format; upload the file again)`);
  }
  return result;
}

/** `GET /api/spreadsheets/:id`: the original uploaded file, as it was uploaded, for the agency's members. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { spreadsheetFile } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { getSpreadsheetForAction } from './get-spreadsheet.ts';

export interface SpreadsheetFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export async function getSpreadsheetFile(db: Executor, actor: Actor, spreadsheetId: number): Promise<SpreadsheetFile> {
  const record = await getSpreadsheetForAction(db, actor, 'uploads.view', spreadsheetId);
  const [file] = await db.select().from(spreadsheetFile).where(eq(spreadsheetFile.spreadsheetId, record.id));
  if (!file) throw notFound(`The content of uploaded file ${spreadsheetId}`);
  return { fileName: record.originalName, contentType: file.contentType, content: Buffer.from(file.content) };
}

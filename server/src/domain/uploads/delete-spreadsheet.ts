/**
 * `DELETE /api/spreadsheets/:id`: Justice Counts admins remove an uploaded file from the list. The
 * data it brought in stays in the records (as in the reference). The reference let anyone signed
 * in delete any file; here only admins of the file's agency can.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { spreadsheet } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getSpreadsheetForAction } from './get-spreadsheet.ts';

export async function deleteSpreadsheet(db: Executor, actor: Actor, spreadsheetId: number): Promise<void> {
  const record = await getSpreadsheetForAction(db, actor, 'uploads.delete', spreadsheetId);
  await db.delete(spreadsheet).where(eq(spreadsheet.id, record.id));
}

/**
 * `PATCH /api/spreadsheets/:id`: Justice Counts admins correct a file's status (the same people who
 * may delete it). Marking it INGESTED records who did and when.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { spreadsheet } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getSpreadsheetForAction } from './get-spreadsheet.ts';
import { findSpreadsheets, type SpreadsheetListItem } from './find-spreadsheets.ts';

export interface UpdateSpreadsheetStatusInput {
  spreadsheetId: number;
  status: 'UPLOADED' | 'INGESTED' | 'ERRORED';
  now: Date;
}

export async function updateSpreadsheetStatus(
  db: Executor,
  actor: Actor,
  input: UpdateSpreadsheetStatusInput,
): Promise<SpreadsheetListItem> {
  const record = await getSpreadsheetForAction(db, actor, 'uploads.delete', input.spreadsheetId);
  const ingested = input.status === 'INGESTED';
  await db
    .update(spreadsheet)
    .set({
      status: input.status,
      ...(ingested ? { ingestedAt: input.now, ingestedBy: actor.userId === null ? null : String(actor.userId) } : {}),
    })
    .where(eq(spreadsheet.id, record.id));
  const [item] = await findSpreadsheets(db, actor, record.agencyId, [record.id]);
  return item!;
}

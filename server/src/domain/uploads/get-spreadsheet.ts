/**
 * Loads an uploaded file's record for an action on it. Outsiders learn nothing (404); members whose
 * role does not allow the action are told why (403).
 */
import { eq, getTableColumns } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source, spreadsheet } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertCan, isMember, type AgencyAction } from '../permissions.ts';

export type SpreadsheetRow = typeof spreadsheet.$inferSelect;

export async function getSpreadsheetForAction(
  db: Executor,
  actor: Actor,
  action: AgencyAction,
  spreadsheetId: number,
): Promise<SpreadsheetRow> {
  const [row] = await db
    .select({
      spreadsheet: getTableColumns(spreadsheet),
      agency: { id: source.id, superAgencyId: source.superAgencyId },
    })
    .from(spreadsheet)
    .innerJoin(source, eq(source.id, spreadsheet.agencyId))
    .where(eq(spreadsheet.id, spreadsheetId));
  if (!row || !isMember(actor, row.agency)) throw notFound(`Uploaded file ${spreadsheetId}`);
  assertCan(actor, action, row.agency);
  return row.spreadsheet;
}

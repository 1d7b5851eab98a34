/**
 * `GET /api/agencies/:agencyId/spreadsheets`: the agency's uploaded files, processed ones first,
 * most recent first, with who uploaded each (never the file content).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, spreadsheet, userAccount } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { effectiveRole, getAgencyForAction } from '../permissions.ts';
import { editorDisplayName } from '../users/editor-name-rules.ts';

export interface SpreadsheetListItem {
  id: number;
  name: string;
  system: string;
  status: 'UPLOADED' | 'INGESTED' | 'ERRORED';
  uploadedAt: Date;
  ingestedAt: Date | null;
  numNewDatapoints: number | null;
  /** Null for automatic uploads; the name is already masked for the viewer ("JC Admin"). */
  uploader: { name: string; role: AgencyRole | null } | null;
}

export async function findSpreadsheets(
  db: Executor,
  actor: Actor,
  agencyId: number,
  onlyIds?: readonly number[],
): Promise<SpreadsheetListItem[]> {
  const agency = await getAgencyForAction(db, actor, 'uploads.view', agencyId);
  const rows = await db
    .select({
      id: spreadsheet.id,
      name: spreadsheet.originalName,
      system: spreadsheet.system,
      status: spreadsheet.status,
      uploadedAt: spreadsheet.uploadedAt,
      ingestedAt: spreadsheet.ingestedAt,
      numNewDatapoints: spreadsheet.numNewDatapoints,
      uploaderId: userAccount.id,
      uploaderName: userAccount.name,
      uploaderEmail: userAccount.email,
      uploaderIsAdmin: userAccount.isPlatformAdmin,
      uploaderRole: agencyUserAccountAssociation.role,
    })
    .from(spreadsheet)
    .leftJoin(userAccount, eq(userAccount.id, spreadsheet.uploadedByUserId))
    .leftJoin(
      agencyUserAccountAssociation,
      and(
        eq(agencyUserAccountAssociation.userAccountId, spreadsheet.uploadedByUserId),
        eq(agencyUserAccountAssociation.agencyId, spreadsheet.agencyId),
      ),
    )
    .where(and(eq(spreadsheet.agencyId, agency.id), onlyIds ? inArray(spreadsheet.id, [...onlyIds]) : undefined))
    .orderBy(
      sql`${spreadsheet.ingestedAt} is null`,
      desc(sql`coalesce(${spreadsheet.ingestedAt}, ${spreadsheet.uploadedAt})`),
      desc(spreadsheet.id),
    );
  const viewerRole = effectiveRole(actor, agency);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    system: row.system,
    status: row.status,
    uploadedAt: row.uploadedAt,
    ingestedAt: row.ingestedAt,
    numNewDatapoints: row.numNewDatapoints,
    uploader:
      row.uploaderId === null
        ? null
        : {
            name: editorDisplayName(
              viewerRole,
              {
                name: row.uploaderName ?? row.uploaderEmail ?? `User ${row.uploaderId}`,
                isPlatformAdmin: row.uploaderIsAdmin === true,
              },
              row.uploaderRole,
            ),
            role: row.uploaderRole,
          },
  }));
}

/**
 * Who edited a record, for display: most recent first, each with their role in the record's agency.
 * Justice Counts admins are shown as "JC Admin" to everyone who is not one; automatic uploads as
 * "Automatic Upload"; ids with no link to the agency (removed members) are left out.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { agencyUserAccountAssociation, userAccount } from '../schema.ts';
import type { Actor, AgencyRole } from '../../domain/actor.ts';
import { effectiveRole, type AgencyRef } from '../../domain/permissions.ts';
import { AUTOMATIC_UPLOAD_DISPLAY_NAME, editorDisplayName } from '../../domain/users/editor-name-rules.ts';
import { AUTOMATIC_UPLOAD_EDITOR, type ReportRow } from './reports.ts';

export interface Editor {
  name: string;
  role: AgencyRole | null;
}

const AUTOMATIC_UPLOAD: Editor = { name: AUTOMATIC_UPLOAD_DISPLAY_NAME, role: 'CONTRIBUTOR' };

/** Turns `modified_by` lists into editor lists; one query for any number of records of one agency. */
export type EditorsOf = (modifiedBy: readonly number[] | null) => Editor[];

export async function loadEditors(
  db: Executor,
  viewer: Actor,
  agency: AgencyRef,
  modifiedByLists: readonly (readonly number[] | null)[],
): Promise<EditorsOf> {
  const ids = [...new Set(modifiedByLists.flatMap((list) => list ?? []))].filter((id) => id > 0);
  const agencyIds = agency.superAgencyId === null ? [agency.id] : [agency.id, agency.superAgencyId];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: userAccount.id,
            name: userAccount.name,
            email: userAccount.email,
            isPlatformAdmin: userAccount.isPlatformAdmin,
            agencyId: agencyUserAccountAssociation.agencyId,
            role: agencyUserAccountAssociation.role,
          })
          .from(userAccount)
          .leftJoin(
            agencyUserAccountAssociation,
            and(
              eq(agencyUserAccountAssociation.userAccountId, userAccount.id),
              or(...agencyIds.map((id) => eq(agencyUserAccountAssociation.agencyId, id))),
            ),
          )
          .where(inArray(userAccount.id, ids));

  const viewerRole = effectiveRole(viewer, agency);
  const editors = new Map<number, Editor>();
  for (const id of ids) {
    const mine = rows.filter((row) => row.id === id);
    const own = mine.find((row) => row.agencyId === agency.id) ?? mine.find((row) => row.agencyId !== null);
    const user = mine[0];
    if (!user) continue;
    const role: AgencyRole | null | undefined = own
      ? own.role
      : user.isPlatformAdmin
        ? 'JUSTICE_COUNTS_ADMIN'
        : undefined;
    if (role === undefined) continue;
    const shownName = user.name ?? user.email ?? `User ${id}`;
    editors.set(id, { name: editorDisplayName(viewerRole, { ...user, name: shownName }, role), role });
  }
  return (modifiedBy) =>
    [...(modifiedBy ?? [])].reverse().flatMap((id) => {
      if (id === AUTOMATIC_UPLOAD_EDITOR) return [AUTOMATIC_UPLOAD];
      const editor = editors.get(id);
      return editor ? [editor] : [];
    });
}

/** The one thing about the viewer that changes how editors are shown: staff see staff names, others do not. */
export function viewerVersion(viewer: Actor, agency: AgencyRef): string {
  return effectiveRole(viewer, agency) === 'JUSTICE_COUNTS_ADMIN' ? 'viewer:staff' : 'viewer:member';
}

export interface ReportSummary {
  report: ReportRow;
  editors: Editor[];
}

/** Pairs records with their editors: one query for all of them. */
export async function summarize(
  db: Executor,
  viewer: Actor,
  agency: AgencyRef,
  reports: readonly ReportRow[],
): Promise<ReportSummary[]> {
  const editorsOf = await loadEditors(
    db,
    viewer,
    agency,
    reports.map((r) => r.modifiedBy),
  );
  return reports.map((r) => ({ report: r, editors: editorsOf(r.modifiedBy) }));
}

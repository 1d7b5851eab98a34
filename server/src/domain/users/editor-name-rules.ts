/**
 * How a person who edited something (a report's editors, a spreadsheet's uploader) is shown.
 * Justice Counts staff appear as "JC Admin" to everyone but other Justice Counts staff, as in
 * the reference. Get the viewer's role with effectiveRole(actor, agency) from permissions.ts.
 */
import type { AgencyRole } from '../actor.ts';

export const JC_ADMIN_DISPLAY_NAME = 'JC Admin';
/** Edits made by automated uploads (no person). */
export const AUTOMATIC_UPLOAD_DISPLAY_NAME = 'Automatic Upload';

export interface EditorUser {
  name: string | null;
  /** Platform admins count as Justice Counts staff in every agency. */
  isPlatformAdmin?: boolean;
}

export function editorDisplayName(
  viewerRole: AgencyRole | null | undefined,
  editorUser: EditorUser,
  editorRoleInAgency: AgencyRole | null | undefined,
): string {
  const editorIsStaff = editorRoleInAgency === 'JUSTICE_COUNTS_ADMIN' || editorUser.isPlatformAdmin === true;
  if (editorIsStaff && viewerRole !== 'JUSTICE_COUNTS_ADMIN') return JC_ADMIN_DISPLAY_NAME;
  return editorUser.name ?? '';
}

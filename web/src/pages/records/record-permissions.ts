/** What the signed-in person may do with records, mirroring the server's rules (permissions.ts). */
import type { AgencyRole, SessionAgency, SessionUser } from '../../api/session.ts';

export interface RecordAbilities {
  create: boolean;
  edit: boolean;
  delete: boolean;
}

function roleIn(user: SessionUser, agency: SessionAgency): AgencyRole | null {
  return user.isPlatformAdmin ? 'JUSTICE_COUNTS_ADMIN' : agency.role;
}

export function recordAbilities(user: SessionUser, agency: SessionAgency): RecordAbilities {
  const role = roleIn(user, agency);
  const isAdmin = role === 'AGENCY_ADMIN' || role === 'JUSTICE_COUNTS_ADMIN';
  return { create: isAdmin, edit: isAdmin || role === 'CONTRIBUTOR', delete: role === 'JUSTICE_COUNTS_ADMIN' };
}

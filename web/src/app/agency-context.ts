import { createContext, use } from 'react';
import type { SessionAgency, SessionUser } from '../api/session.ts';

/** The agency named in the URL; provided by AgencyLayout for every page under /agency/:agencyId. */
export const CurrentAgencyContext = createContext<SessionAgency | null>(null);

export function useCurrentAgency(): SessionAgency {
  const agency = use(CurrentAgencyContext);
  if (!agency) throw new Error('useCurrentAgency() was called outside /agency/:agencyId.');
  return agency;
}

/** Agency admins and Justice Counts staff change an agency's own settings (the server's 'agency.edit' rule). */
export function isAgencyAdmin(user: SessionUser, agency: SessionAgency): boolean {
  return user.isPlatformAdmin || agency.role === 'AGENCY_ADMIN' || agency.role === 'JUSTICE_COUNTS_ADMIN';
}

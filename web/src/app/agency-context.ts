import { createContext, use } from 'react';
import type { SessionAgency } from '../api/session.ts';

/** The agency named in the URL; provided by AgencyLayout for every page under /agency/:agencyId. */
export const CurrentAgencyContext = createContext<SessionAgency | null>(null);

export function useCurrentAgency(): SessionAgency {
  const agency = use(CurrentAgencyContext);
  if (!agency) throw new Error('useCurrentAgency() was called outside /agency/:agencyId.');
  return agency;
}

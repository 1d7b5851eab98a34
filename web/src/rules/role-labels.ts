/** A role as agency members see it on Team Members, Account and in security events. */
import type { AgencyRole } from '../api/session.ts';

const ROLE_LABELS: Record<AgencyRole, string> = {
  AGENCY_ADMIN: 'Agency admin',
  CONTRIBUTOR: 'Contributor',
  READ_ONLY: 'Read only',
  JUSTICE_COUNTS_ADMIN: 'JC Admin',
};

export const roleLabel = (role: AgencyRole) => ROLE_LABELS[role];

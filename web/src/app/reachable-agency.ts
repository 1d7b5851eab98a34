/**
 * The agency named in the URL, if the person may open it: one of their own agencies, or a child
 * agency of a superagency they belong to (they act on it with their superagency role and
 * abilities, as the server's permission rules do). Justice Counts staff may open any agency, as JUSTICE_COUNTS_ADMIN
 * (docs/permissions.md), e.g. from the Admin Panel.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { AgencySimple, AgencyWithTeamResponse } from '@jc/server/contract';
import { childAgencyKeys, fetchChildAgencies } from '../api/child-agencies.ts';
import { api } from '../api/client.ts';
import type { Abilities, SessionAgency, SessionUser } from '../api/session.ts';

export type AgencyReach = { status: 'loading' } | { status: 'found'; agency: SessionAgency } | { status: 'none' };

/** The child agency among the superagencies' children, as a session agency with the superagency's role. */
export function childAgencyFor(
  superagencies: readonly SessionAgency[],
  children: readonly (readonly AgencySimple[] | undefined)[],
  agencyId: string | undefined,
): SessionAgency | undefined {
  for (const [index, parent] of superagencies.entries()) {
    const child = children[index]?.find((candidate) => String(candidate.id) === agencyId);
    if (child) {
      return {
        id: child.id,
        name: child.name,
        systems: child.systems,
        role: parent.role,
        isSuperagency: false,
        superAgencyId: parent.id,
        // The children list does not say; the child's own members see its dashboard link.
        isDashboardEnabled: false,
        can: parent.can,
        grantableRoles: parent.grantableRoles,
      };
    }
  }
  return undefined;
}

/** Any agency, as staff see it: they act as JUSTICE_COUNTS_ADMIN everywhere. */
async function fetchAgencyForStaff(agencyId: string, staff: Abilities): Promise<SessionAgency> {
  const body = await api.get<AgencyWithTeamResponse>(`/api/agency/${encodeURIComponent(agencyId)}`);
  const agency = body.agencies.find((candidate) => String(candidate.id) === agencyId);
  if (!agency) throw new Error(`GET /api/agency/${agencyId} did not include agency ${agencyId}`);
  return {
    id: agency.id,
    name: agency.name,
    systems: agency.systems,
    role: 'JUSTICE_COUNTS_ADMIN',
    isSuperagency: agency.is_superagency === true,
    superAgencyId: agency.super_agency_id,
    isDashboardEnabled: agency.is_dashboard_enabled === true,
    ...staff,
  };
}

export function useReachableAgency(user: SessionUser, agencyId: string | undefined): AgencyReach {
  const own = user.agencies.find((candidate) => String(candidate.id) === agencyId);
  const staff = user.staffAbilities;
  const forStaff = staff !== null && !own && agencyId !== undefined && /^\d{1,10}$/.test(agencyId);
  const staffAgency = useQuery({
    queryKey: ['staff-agency', agencyId],
    // Only enabled for staff, who always have abilities.
    queryFn: async () => (staff ? fetchAgencyForStaff(agencyId ?? '', staff) : null),
    enabled: forStaff,
    staleTime: Infinity,
    retry: false,
  });
  // Children are only looked up when the URL names an agency that is not the person's own.
  const superagencies = own || forStaff ? [] : user.agencies.filter((candidate) => candidate.isSuperagency);
  const results = useQueries({
    queries: superagencies.map((parent) => ({
      queryKey: childAgencyKeys.of(parent.id),
      queryFn: () => fetchChildAgencies(parent.id),
      staleTime: Infinity,
    })),
  });
  if (own) return { status: 'found', agency: own };
  if (forStaff) {
    if (staffAgency.data) return { status: 'found', agency: staffAgency.data };
    return staffAgency.isPending ? { status: 'loading' } : { status: 'none' };
  }
  const child = childAgencyFor(
    superagencies,
    results.map((result) => result.data),
    agencyId,
  );
  if (child) return { status: 'found', agency: child };
  return results.some((result) => result.isPending) ? { status: 'loading' } : { status: 'none' };
}

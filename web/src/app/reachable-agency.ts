/**
 * The agency named in the URL, if the person may open it: one of their own agencies, or a child
 * agency of a superagency they belong to (they act on it with their superagency role, as the
 * server's permission rules do).
 */
import { useQueries } from '@tanstack/react-query';
import { childAgencyKeys, fetchChildAgencies, type AgencySimple } from '../api/child-agencies.ts';
import type { SessionAgency, SessionUser } from '../api/session.ts';

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
      };
    }
  }
  return undefined;
}

export function useReachableAgency(user: SessionUser, agencyId: string | undefined): AgencyReach {
  const own = user.agencies.find((candidate) => String(candidate.id) === agencyId);
  // Children are only looked up when the URL names an agency that is not the person's own.
  const superagencies = own ? [] : user.agencies.filter((candidate) => candidate.isSuperagency);
  const results = useQueries({
    queries: superagencies.map((parent) => ({
      queryKey: childAgencyKeys.of(parent.id),
      queryFn: () => fetchChildAgencies(parent.id),
      staleTime: Infinity,
    })),
  });
  if (own) return { status: 'found', agency: own };
  const child = childAgencyFor(
    superagencies,
    results.map((result) => result.data),
    agencyId,
  );
  if (child) return { status: 'found', agency: child };
  return results.some((result) => result.isPending) ? { status: 'loading' } : { status: 'none' };
}

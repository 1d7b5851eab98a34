/**
 * Completeness and timeliness: an agency's periods, a superagency's children, and every agency's
 * participation for staff (contract/completeness.ts), each with the address of its CSV.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  AgencyCompletenessResponse,
  StaffCompletenessResponse,
  SuperagencyCompletenessResponse,
} from '@jc/server/contract';
import { api } from './client.ts';

export const completenessKeys = {
  all: ['completeness'] as const,
  agency: (agencyId: number) => [...completenessKeys.all, 'agency', agencyId] as const,
  children: (agencyId: number) => [...completenessKeys.all, 'children', agencyId] as const,
  staff: () => [...completenessKeys.all, 'staff'] as const,
};

export const completenessPaths = {
  agency: (agencyId: number) => `/api/agencies/${agencyId}/completeness`,
  children: (agencyId: number) => `/api/agencies/${agencyId}/children/completeness`,
  staff: () => '/admin/completeness',
};

export function useAgencyCompleteness(agencyId: number) {
  return useQuery({
    queryKey: completenessKeys.agency(agencyId),
    queryFn: () => api.get<AgencyCompletenessResponse>(completenessPaths.agency(agencyId)),
  });
}

export function useChildrenCompleteness(agencyId: number) {
  return useQuery({
    queryKey: completenessKeys.children(agencyId),
    queryFn: () => api.get<SuperagencyCompletenessResponse>(completenessPaths.children(agencyId)),
  });
}

export function useStaffCompleteness() {
  return useQuery({
    queryKey: completenessKeys.staff(),
    queryFn: () => api.get<StaffCompletenessResponse>(completenessPaths.staff()),
  });
}

/**
 * A superagency's child agencies (GET /api/agencies/:id/children) and their Upload IDs, the names
 * the superagency's spreadsheets use for them (PUT /api/agency/:childId/custom-name).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencySimple } from '@jc/server/contract';
import { api } from './client.ts';
import { homeKeys } from './home.ts';

export const childAgencyKeys = {
  all: ['child-agencies'] as const,
  of: (superagencyId: number) => [...childAgencyKeys.all, superagencyId] as const,
};

export function fetchChildAgencies(superagencyId: number): Promise<AgencySimple[]> {
  return api
    .get<{ child_agencies: AgencySimple[] }>(`/api/agencies/${superagencyId}/children`)
    .then((body) => body.child_agencies);
}

/** Children are few and rarely change: cached for the session once loaded. */
export function useChildAgencies(superagencyId: number | null) {
  return useQuery({
    queryKey: childAgencyKeys.of(superagencyId ?? 0),
    queryFn: () => fetchChildAgencies(superagencyId!),
    enabled: superagencyId !== null,
    staleTime: Infinity,
  });
}

export interface UploadIdChange {
  childId: number;
  uploadId: string | null;
}

export function useSetUploadId() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ childId, uploadId }: UploadIdChange) =>
      api.put<AgencySimple>(`/api/agency/${childId}/custom-name`, { custom_child_agency_name: uploadId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: childAgencyKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeKeys.all });
    },
  });
}

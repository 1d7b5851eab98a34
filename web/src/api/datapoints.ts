/**
 * Every value of an agency's records, for Explore Data: GET /api/agencies/:id/datapoints. Drafts
 * are included and flagged (`is_published`). Refetched on opening the page, since data entry and
 * uploads change it from elsewhere.
 */
import { useQuery } from '@tanstack/react-query';
import type { AgencyDatapoints } from '@jc/server/contract';
import { api } from './client.ts';

export const datapointKeys = {
  all: ['datapoints'] as const,
  agency: (agencyId: number) => [...datapointKeys.all, agencyId] as const,
};

export function useAgencyDatapoints(agencyId: number) {
  return useQuery({
    queryKey: datapointKeys.agency(agencyId),
    queryFn: () => api.get<AgencyDatapoints>(`/api/agencies/${agencyId}/datapoints`),
    staleTime: 0,
  });
}

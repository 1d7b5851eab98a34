/**
 * The Home page's data: GET /api/home/:agencyId (metric settings, the latest records with their
 * values, child agencies). Always refetched on opening Home, because records, settings and
 * uploads change it from other pages.
 */
import { useQuery } from '@tanstack/react-query';
import type { HomeResponse } from '@jc/server/contract';
import { api } from './client.ts';

export const homeKeys = {
  all: ['home'] as const,
  agency: (agencyId: number) => [...homeKeys.all, agencyId] as const,
};

export function useHome(agencyId: number) {
  return useQuery({
    queryKey: homeKeys.agency(agencyId),
    queryFn: () => api.get<HomeResponse>(`/api/home/${agencyId}`),
    staleTime: 0,
  });
}

/** Public releases of an agency's figures: the list, and one release with what changed. */
import { useQuery } from '@tanstack/react-query';
import type { ReleaseResponse, ReleasesResponse } from '@jc/server/contract';
import { api } from './client.ts';

const releasesPath = (agencyId: number) => `/api/public/agencies/${agencyId}/releases`;

export function useReleases(agencyId: number) {
  return useQuery({
    queryKey: ['releases', agencyId],
    queryFn: () => api.get<ReleasesResponse>(releasesPath(agencyId)),
  });
}

export function useRelease(agencyId: number, number: number) {
  return useQuery({
    queryKey: ['releases', agencyId, number],
    queryFn: () => api.get<ReleaseResponse>(`${releasesPath(agencyId)}/${number}`),
    staleTime: Infinity,
  });
}

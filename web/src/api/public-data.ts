/**
 * The public side, no sign-in needed: the list of agency dashboards (GET /api/agencies/dashboard),
 * one agency's published data (GET /api/agencies/:id/published_data) and its CSV feed links.
 */
import { useQuery } from '@tanstack/react-query';
import type { DashboardAgencyJson, PublishedDataResponse } from '@jc/server/contract';
import { api } from './client.ts';

export const publicDataKeys = {
  all: ['public-data'] as const,
  agencies: () => [...publicDataKeys.all, 'agencies'] as const,
  agency: (agencyId: number) => [...publicDataKeys.all, 'agency', agencyId] as const,
};

export function useDashboardAgencies() {
  return useQuery({
    queryKey: publicDataKeys.agencies(),
    queryFn: () => api.get<DashboardAgencyJson[]>('/api/agencies/dashboard'),
  });
}

export function usePublishedData(agencyId: number) {
  return useQuery({
    queryKey: publicDataKeys.agency(agencyId),
    queryFn: () => api.get<PublishedDataResponse>(`/api/agencies/${agencyId}/published_data`),
  });
}

/** The public CSV of one file (`arrests_by_type`), or without a metric the list of the agency's files. */
export function publicFeedUrl(agencyId: number, file?: { system: string; metric: string }): string {
  const query = file ? `?${new URLSearchParams(file).toString()}` : '';
  return `/feed/${agencyId}${query}`;
}

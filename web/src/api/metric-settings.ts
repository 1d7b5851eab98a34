/**
 * An agency's metric settings (Set Up Metrics): GET and PUT /api/agencies/:id/metrics, and their
 * history (GET /api/agencies/:id/metrics/history). The wire shapes are the server contract's;
 * every metric mutation invalidates the agency's key once.
 */
import { useQuery } from '@tanstack/react-query';
import type { MetricSettingJson, MetricSettingUpdate, SettingHistoryResponse } from '@jc/server/contract';
import { api } from './client.ts';

export const metricSettingKeys = {
  all: ['metric-settings'] as const,
  agency: (agencyId: number) => [...metricSettingKeys.all, agencyId] as const,
};

export function fetchMetricSettings(agencyId: number): Promise<MetricSettingJson[]> {
  return api.get<MetricSettingJson[]>(`/api/agencies/${agencyId}/metrics`);
}

/** Saves changes to one or more metrics; anything left out or null stays as it is. */
export function saveMetricSettings(agencyId: number, metrics: MetricSettingUpdate[]): Promise<unknown> {
  return api.put(`/api/agencies/${agencyId}/metrics`, { metrics });
}

export function useMetricSettings(agencyId: number) {
  return useQuery({ queryKey: metricSettingKeys.agency(agencyId), queryFn: () => fetchMetricSettings(agencyId) });
}

/** Who changed which setting, newest first: one metric's changes, or all of the agency's. */
export function useSettingHistory(agencyId: number, metricKey: string | undefined) {
  return useQuery({
    // Under the agency's key, so every save refreshes it too.
    queryKey: [...metricSettingKeys.agency(agencyId), 'history', metricKey ?? null] as const,
    queryFn: () =>
      api
        .get<SettingHistoryResponse>(
          `/api/agencies/${agencyId}/metrics/history${metricKey ? `?metric=${encodeURIComponent(metricKey)}` : ''}`,
        )
        .then((body) => body.history),
  });
}

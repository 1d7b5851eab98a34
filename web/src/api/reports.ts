/**
 * Records (reports) and their values: the list, one record's page, saving, creating, bulk status
 * changes, deleting, review data and value history. Every record mutation invalidates the
 * agency's key once; a record's page lives under it, so it refreshes too.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CreateReportBody,
  HistoryEntry,
  ReportOverview,
  ReportPage,
  ReportStatusName,
  ReportWithDatapoints,
  UpdateReportBody,
} from '@jc/server/contract';
import { api } from './client.ts';

export type {
  DatapointFull,
  Editor,
  HistoryEntry,
  ReportDimension,
  ReportDisaggregation,
  ReportMetric,
  ReportMetricUpdate,
  ReportOverview,
  ReportPage,
  ReportStatusName,
  ReportWithDatapoints,
} from '@jc/server/contract';

export const reportKeys = {
  all: ['reports'] as const,
  agency: (agencyId: number) => [...reportKeys.all, agencyId] as const,
  list: (agencyId: number) => [...reportKeys.agency(agencyId), 'list'] as const,
  page: (agencyId: number, reportId: number) => [...reportKeys.agency(agencyId), 'page', reportId] as const,
  review: (agencyId: number, reportIds: readonly number[]) =>
    [...reportKeys.agency(agencyId), 'review', ...reportIds] as const,
  history: (agencyId: number, reportId: number, metricKey: string) =>
    [...reportKeys.agency(agencyId), 'history', reportId, metricKey] as const,
};

export function useAgencyReports(agencyId: number) {
  return useQuery({
    queryKey: reportKeys.list(agencyId),
    queryFn: () => api.get<ReportOverview[]>(`/api/agencies/${agencyId}/reports`),
  });
}

/** One record for the form. Not refetched behind the person's back: the form holds their edits. */
const reportPageQuery = (agencyId: number, reportId: number) =>
  queryOptions({
    queryKey: reportKeys.page(agencyId, reportId),
    queryFn: () => api.get<ReportPage>(`/api/reports/${reportId}`),
    staleTime: Infinity,
  });

export function useReportPage(agencyId: number, reportId: number) {
  return useQuery(reportPageQuery(agencyId, reportId));
}

/** Starts loading a record's page without waiting, so it arrives while the form's code downloads. */
export function prefetchReportPage(queryClient: QueryClient, agencyId: number, reportId: number): void {
  void queryClient.prefetchQuery(reportPageQuery(agencyId, reportId));
}

export function useReportsWithDatapoints(agencyId: number, reportIds: readonly number[]) {
  return useQuery({
    queryKey: reportKeys.review(agencyId, reportIds),
    queryFn: () =>
      api.get<ReportWithDatapoints[]>(`/api/reports?agency_id=${agencyId}&report_ids=${reportIds.join(',')}`),
    enabled: reportIds.length > 0,
  });
}

export function useValueHistory(agencyId: number, reportId: number, metricKey: string) {
  return useQuery({
    queryKey: reportKeys.history(agencyId, reportId, metricKey),
    queryFn: () =>
      api.get<{ history: HistoryEntry[] }>(
        `/api/reports/${reportId}/history?metric_key=${encodeURIComponent(metricKey)}`,
      ),
    select: (body) => body.history,
  });
}

/** Saves values and/or the status of one record; answers the record's new overview. */
export function saveReport(reportId: number, body: UpdateReportBody): Promise<ReportOverview> {
  return api.patch<ReportOverview>(`/api/reports/${reportId}`, body);
}

function useReportChange<Input, Output>(agencyId: number, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.agency(agencyId) }),
  });
}

export const useCreateReport = (agencyId: number) =>
  useReportChange(agencyId, (body: Omit<CreateReportBody, 'agency_id'>) =>
    api.post<ReportOverview>('/api/reports', { ...body, agency_id: agencyId }),
  );

/** Publishes (status PUBLISHED) or unpublishes (DRAFT) one record without touching its values. */
export const useSetReportStatus = (agencyId: number) =>
  useReportChange(agencyId, (input: { reportId: number; status: ReportStatusName; timeLoaded?: number }) =>
    saveReport(input.reportId, { status: input.status, time_loaded: input.timeLoaded, metrics: [] }),
  );

export const useSetReportStatuses = (agencyId: number) =>
  useReportChange(agencyId, (input: { reportIds: number[]; status: ReportStatusName }) =>
    api.patch<ReportOverview[]>('/api/reports', {
      agency_id: agencyId,
      report_ids: input.reportIds,
      status: input.status,
    }),
  );

export const useDeleteReports = (agencyId: number) =>
  useReportChange(agencyId, (reportIds: number[]) =>
    api.delete('/api/reports', { agency_id: agencyId, report_ids: reportIds }),
  );

/**
 * Records (reports) and their values: the list, one record's page, saving, creating, bulk status
 * changes, deleting, review data and value history. Every record mutation invalidates the
 * agency's key once; a record's page lives under it, so it refreshes too. A save's answer becomes
 * the cached copy of that record's page and of its row in the list at once (`cacheSavedRecord`), so
 * a record reopened or listed after a save never shows the values, status or version from before it.
 */
import {
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  CreateReportBody,
  DeleteReportsBody,
  HistoryEntry,
  PublishFlagsResponse,
  ReportMetric,
  ReportOverview,
  ReportPage,
  ReportStatusName,
  ReportWithDatapoints,
  UpdateReportBody,
  UpdateReportStatusesBody,
} from '@jc/server/contract';
import { track } from './analytics.ts';
import { api } from './client.ts';

export const reportKeys = {
  all: ['reports'] as const,
  agency: (agencyId: number) => [...reportKeys.all, agencyId] as const,
  list: (agencyId: number) => [...reportKeys.agency(agencyId), 'list'] as const,
  page: (agencyId: number, reportId: number) => [...reportKeys.agency(agencyId), 'page', reportId] as const,
  review: (agencyId: number, reportIds: readonly number[]) =>
    [...reportKeys.agency(agencyId), 'review', ...reportIds] as const,
  flags: (agencyId: number, reportIds: readonly number[]) =>
    [...reportKeys.agency(agencyId), 'flags', ...reportIds] as const,
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
export async function saveReport(reportId: number, body: UpdateReportBody): Promise<ReportOverview> {
  const overview = await api.patch<ReportOverview>(`/api/reports/${reportId}`, body);
  if (body.status === 'PUBLISHED') track('Record Published', { agency_id: overview.agency_id });
  else if (body.metrics?.length) track('Record Saved', { agency_id: overview.agency_id });
  return overview;
}

/**
 * After a save of one record: its row in the cached list takes the save's answer at once (so the
 * list never shows a just-published record as a draft while it reloads), the agency's other record
 * data is marked out of date, and the record's cached page takes the save's answer (status,
 * version, editors) and, from the form, the values it saved.
 */
export function cacheSavedRecord(
  queryClient: QueryClient,
  overview: ReportOverview,
  savedMetrics?: (metrics: ReportMetric[]) => ReportMetric[],
): void {
  const pageKey = reportKeys.page(overview.agency_id, overview.id);
  queryClient.setQueryData<ReportOverview[]>(reportKeys.list(overview.agency_id), (list) =>
    list?.map((row) => (row.id === overview.id ? overview : row)),
  );
  void queryClient.invalidateQueries({
    queryKey: reportKeys.agency(overview.agency_id),
    refetchType: 'none',
    predicate: (query) => query.queryKey.join() !== pageKey.join(),
  });
  queryClient.setQueryData<ReportPage>(
    pageKey,
    (page) => page && { ...page, ...overview, metrics: savedMetrics ? savedMetrics(page.metrics) : page.metrics },
  );
}

function useReportChange<Input, Output>(
  agencyId: number,
  send: (input: Input) => Promise<Output>,
  remember?: (queryClient: QueryClient, output: Output) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (output) => {
      const refreshed = queryClient.invalidateQueries({ queryKey: reportKeys.agency(agencyId) });
      remember?.(queryClient, output);
      return refreshed;
    },
  });
}

const flagsQuery = (agencyId: number, reportIds: readonly number[]) =>
  queryOptions({
    queryKey: reportKeys.flags(agencyId, reportIds),
    queryFn: () =>
      api
        .get<PublishFlagsResponse>(`/api/reports/flags?agency_id=${agencyId}&report_ids=${reportIds.join(',')}`)
        .then((answer) => answer.flags),
    enabled: reportIds.length > 0,
  });

/** What publishing these records would need explained (checks before publishing), each with its stored note. */
export const usePublishFlags = (agencyId: number, reportIds: readonly number[]) =>
  useQuery(flagsQuery(agencyId, reportIds));

/**
 * The same for records of several agencies (a superagency's upload spans its children): one
 * question per agency, the flags together.
 */
export function usePublishFlagsOfAgencies(records: readonly Pick<ReportOverview, 'id' | 'agency_id'>[]) {
  const byAgency = new Map<number, number[]>();
  for (const record of records) byAgency.set(record.agency_id, [...(byAgency.get(record.agency_id) ?? []), record.id]);
  const answers = useQueries({ queries: [...byAgency].map(([agencyId, ids]) => flagsQuery(agencyId, ids)) });
  const failed = answers.find((answer) => answer.isError);
  return {
    flags: answers.flatMap((answer) => answer.data ?? []),
    isPending: answers.some((answer) => answer.isPending),
    error: failed?.error ?? null,
  };
}

/** An agency's explanation of one flagged value, published with it as a data note. */
export interface FlagExplanation {
  report_id: number;
  flag: string;
  text: string;
}

export const useCreateReport = (agencyId: number) =>
  useReportChange(agencyId, (body: Omit<CreateReportBody, 'agency_id'>) =>
    api.post<ReportOverview>('/api/reports', { ...body, agency_id: agencyId }),
  );

/** Publishes (status PUBLISHED) or unpublishes (DRAFT) one record without touching its values. */
export const useSetReportStatus = (agencyId: number) =>
  useReportChange(
    agencyId,
    (input: { reportId: number; status: ReportStatusName; timeLoaded: number; explanations?: FlagExplanation[] }) =>
      saveReport(input.reportId, {
        status: input.status,
        time_loaded: input.timeLoaded,
        metrics: [],
        explanations: (input.explanations ?? []).map(({ flag, text }) => ({ flag, text })),
      }),
    cacheSavedRecord,
  );

/** A record as the page loaded it: its id and the version a bulk action must name. */
export type LoadedRecord = Pick<ReportOverview, 'id' | 'last_modified_at_timestamp'>;

/**
 * Each record with the version this page loaded, so the server refuses the whole action (409)
 * when one changed since (never-saved records have no timestamp: version 0).
 */
export const versionsOf = (records: readonly LoadedRecord[]) =>
  records.map((record) => ({ id: record.id, time_loaded: record.last_modified_at_timestamp ?? 0 }));

export const useSetReportStatuses = (agencyId: number) =>
  useReportChange(
    agencyId,
    (input: { records: readonly LoadedRecord[]; status: ReportStatusName; explanations?: FlagExplanation[] }) => {
      const body: UpdateReportStatusesBody = {
        agency_id: agencyId,
        reports: versionsOf(input.records),
        status: input.status,
        explanations: input.explanations ?? [],
      };
      return api.patch<ReportOverview[]>('/api/reports', body).then((overviews) => {
        if (input.status === 'PUBLISHED') {
          track('Records Published', { agency_id: agencyId, records: overviews.length });
        }
        return overviews;
      });
    },
    (queryClient, overviews) => overviews.forEach((overview) => cacheSavedRecord(queryClient, overview)),
  );

export const useDeleteReports = (agencyId: number) =>
  useReportChange(agencyId, (records: readonly LoadedRecord[]) => {
    const body: DeleteReportsBody = { agency_id: agencyId, reports: versionsOf(records) };
    return api.delete('/api/reports', body);
  });

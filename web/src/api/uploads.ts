/**
 * Bulk upload: send a spreadsheet, read a stored upload result, download templates and uploaded
 * files, list and delete them. Uploads change records, so they invalidate the records' keys too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SpreadsheetSummary,
  UpdateReportStatusesBody,
  UploadJobWire,
  UploadResultWire,
} from '@jc/server/contract';
import { track } from './analytics.ts';
import { api } from './client.ts';
import { reportKeys, versionsOf, type FlagExplanation, type LoadedRecord } from './reports.ts';

export { UPLOAD_LIMITS } from '@jc/server/contract';

export const uploadKeys = {
  all: ['uploads'] as const,
  agency: (agencyId: number) => [...uploadKeys.all, agencyId] as const,
  files: (agencyId: number) => [...uploadKeys.agency(agencyId), 'files'] as const,
  result: (agencyId: number, spreadsheetId: number) =>
    [...uploadKeys.agency(agencyId), 'result', spreadsheetId] as const,
  job: (agencyId: number, jobId: number) => [...uploadKeys.agency(agencyId), 'job', jobId] as const,
};

export interface UploadInput {
  file: File;
  system: string;
}

/**
 * Sends the file for an asynchronous upload (`Prefer: respond-async`): the server answers at once
 * with the upload's status, which useUploadJob then follows until the upload has ended.
 */
export function useUploadSpreadsheet(agencyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, system }: UploadInput) => {
      const form = new FormData();
      form.append('agency_id', String(agencyId));
      form.append('system', system);
      form.append('file', file, file.name);
      const headers = { Prefer: 'respond-async' };
      return api.request<UploadJobWire>('/api/spreadsheets', { method: 'POST', body: form, headers });
    },
    onSuccess: (job) => queryClient.setQueryData(uploadKeys.job(agencyId, job.id), job),
  });
}

const ended = (job: UploadJobWire | undefined) => job?.state === 'DONE' || job?.state === 'FAILED';

/** How often a running upload's status is asked for. */
const POLL_MS = 500;

/** An upload's status, asked for again every half second until it is done or has failed. */
export function useUploadJob(agencyId: number, jobId: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: uploadKeys.job(agencyId, jobId),
    queryFn: async () => {
      const job = await api.get<UploadJobWire>(`/api/upload-jobs/${jobId}`);
      if (job.state === 'DONE') {
        track('Upload Finished', { agency_id: agencyId });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: uploadKeys.files(agencyId) }),
          // a superagency's upload also writes its child agencies' records
          queryClient.invalidateQueries({ queryKey: reportKeys.all }),
        ]);
      }
      return job;
    },
    refetchInterval: (query) => (ended(query.state.data) ? false : POLL_MS),
    staleTime: (query) => (ended(query.state.data) ? Infinity : 0),
  });
}

/** What a stored upload reported, for the result pages (and links to them). */
export function useUploadResult(agencyId: number, spreadsheetId: number) {
  return useQuery({
    queryKey: uploadKeys.result(agencyId, spreadsheetId),
    queryFn: () => api.get<UploadResultWire>(`/api/${spreadsheetId}/bulk-upload-json`),
    staleTime: Infinity,
  });
}

export function useUploadedFiles(agencyId: number) {
  return useQuery({
    queryKey: uploadKeys.files(agencyId),
    queryFn: () => api.get<SpreadsheetSummary[]>(`/api/agencies/${agencyId}/spreadsheets`),
  });
}

export function useDeleteUploadedFile(agencyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (spreadsheetId: number) => api.delete(`/api/spreadsheets/${spreadsheetId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: uploadKeys.files(agencyId) }),
  });
}

/** Hands a downloaded file to the browser under the given name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface TemplateChoice {
  system: string;
  singlePage: boolean;
  /** Default (every metric) rather than Custom (the agency's enabled metrics). */
  isGeneric: boolean;
}

export async function downloadTemplate(agencyId: number, choice: TemplateChoice): Promise<void> {
  const query = `singlePage=${choice.singlePage}&isGeneric=${choice.isGeneric}`;
  const blob = await api.get<Blob>(`/api/template/${agencyId}/${choice.system}?${query}`, { as: 'blob' });
  const kind = [choice.isGeneric ? 'default' : 'custom', choice.singlePage ? 'single_page' : null];
  saveFile(blob, `${choice.system}_${kind.filter(Boolean).join('_')}_template.xlsx`);
}

export async function downloadUploadedFile(file: Pick<SpreadsheetSummary, 'id' | 'name'>): Promise<void> {
  saveFile(await api.get<Blob>(`/api/spreadsheets/${file.id}`, { as: 'blob' }), file.name);
}

/**
 * Publishes the records an upload touched with the explanations of their flagged values: one
 * request per agency (a superagency's upload spans its children).
 */
export function usePublishUploadedRecords(agencyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      records: readonly (LoadedRecord & { agency_id: number })[];
      explanations: readonly FlagExplanation[];
    }) => {
      const byAgency = new Map<number, LoadedRecord[]>();
      for (const record of input.records) {
        byAgency.set(record.agency_id, [...(byAgency.get(record.agency_id) ?? []), record]);
      }
      for (const [recordAgencyId, agencyRecords] of byAgency) {
        const ids = new Set(agencyRecords.map((record) => record.id));
        const body: UpdateReportStatusesBody = {
          agency_id: recordAgencyId,
          reports: versionsOf(agencyRecords),
          status: 'PUBLISHED',
          explanations: input.explanations.filter((explanation) => ids.has(explanation.report_id)),
        };
        await api.patch('/api/reports', body);
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
        queryClient.invalidateQueries({ queryKey: uploadKeys.agency(agencyId) }),
      ]),
  });
}

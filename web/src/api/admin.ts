/**
 * The admin panel's calls (/admin/...): users and their agencies, agencies with their teams,
 * copying a superagency's metric settings, vendors, reporting agencies and "Other" sub-categories,
 * and agencies' jurisdiction population by CSV.
 * Every change reloads the admin lists once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminAgenciesResponse,
  AdminAgencyResponse,
  AdminUser,
  AdminUserSummary,
  AgencyNoTeam,
  CopyToChildrenBody,
  CopyToChildrenResponse,
  OtherSubDimensionsResponse,
  ReportingAgenciesResponse,
  SaveAgencyBody,
  SaveOtherSubDimensionsBody,
  SaveReportingAgenciesBody,
  SaveVendorBody,
  Vendor,
  SaveAgencyResponse,
  SaveUserItem,
  SaveUsersResponse,
  TeamMember,
  ImportPopulationResponse,
} from '@jc/server/contract';
import { agencySettingsKeys } from './agency-settings.ts';
import { api } from './client.ts';

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userAgencies: (userId: number) => [...adminKeys.all, 'user-agencies', userId] as const,
  agencies: () => [...adminKeys.all, 'agencies'] as const,
  team: (agencyId: number) => [...adminKeys.all, 'team', agencyId] as const,
  agency: (agencyId: number) => [...adminKeys.all, 'agency', agencyId] as const,
};

export function useAdminUsers() {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: () => api.get<{ users: AdminUserSummary[] }>('/admin/user/overview').then((body) => body.users),
  });
}

export function useAdminUserAgencies(userId: number | null) {
  return useQuery({
    queryKey: adminKeys.userAgencies(userId ?? 0),
    queryFn: () =>
      api.get<{ agencies: AgencyNoTeam[] }>(`/admin/user/${userId}/agencies`).then((body) => body.agencies),
    enabled: userId !== null,
  });
}

export function useAdminAgencies() {
  return useQuery({
    queryKey: adminKeys.agencies(),
    queryFn: () => api.get<AdminAgenciesResponse>('/admin/agency/overview'),
  });
}

export function useAdminAgencyTeam(agencyId: number | null) {
  return useQuery({
    queryKey: adminKeys.team(agencyId ?? 0),
    queryFn: () => api.get<{ team: TeamMember[] }>(`/admin/agency/${agencyId}/team`).then((body) => body.team),
    enabled: agencyId !== null,
  });
}

export function useAdminAgency(agencyId: number | null) {
  return useQuery({
    queryKey: adminKeys.agency(agencyId ?? 0),
    queryFn: () => api.get<AdminAgencyResponse>(`/admin/agency/${agencyId}`),
    enabled: agencyId !== null,
  });
}

function useAdminChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

/** Staff's population CSV for many agencies (PUT /admin/population); the agencies' Settings read it afresh. */
export function useImportPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api.put<ImportPopulationResponse>('/admin/population', { csv }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencySettingsKeys.all }),
  });
}

export const useSaveUser = () =>
  useAdminChange((user: SaveUserItem) =>
    api.put<SaveUsersResponse>('/admin/user', { users: [user] }).then((body) => body.users[0]),
  );

export const useDeleteUser = () => useAdminChange((userId: number) => api.delete<AdminUser>(`/admin/user/${userId}`));

export const useSaveAgency = () =>
  useAdminChange((agency: SaveAgencyBody) => api.put<SaveAgencyResponse>('/admin/agency', agency));

export const useDeleteAgency = () =>
  useAdminChange((agencyId: number) => api.delete<AgencyNoTeam>(`/admin/agency/${agencyId}`));

export const useCopyToChildren = (superAgencyId: number) =>
  useAdminChange((body: CopyToChildrenBody) =>
    api.post<CopyToChildrenResponse>(`/admin/agency/${superAgencyId}/child-agency/copy`, body),
  );

export const vendorKeys = { all: [...adminKeys.all, 'vendors'] as const };

export function useVendors() {
  return useQuery({ queryKey: vendorKeys.all, queryFn: () => api.get<Vendor[]>('/admin/vendors') });
}

export const useSaveVendor = () => useAdminChange((body: SaveVendorBody) => api.put<Vendor>('/admin/vendors', body));

export const useDeleteVendor = () => useAdminChange((vendorId: number) => api.delete(`/admin/vendors/${vendorId}`));

export function useReportingAgencies(agencyId: number) {
  return useQuery({
    queryKey: [...adminKeys.agency(agencyId), 'reporting-agency'],
    queryFn: () => api.get<ReportingAgenciesResponse>(`/admin/agency/${agencyId}/reporting-agency`),
  });
}

export const useSaveReportingAgencies = (agencyId: number) =>
  useAdminChange((body: SaveReportingAgenciesBody) => api.put(`/admin/agency/${agencyId}/reporting-agency`, body));

export function useOtherOptions(agencyId: number) {
  return useQuery({
    queryKey: [...adminKeys.agency(agencyId), 'metric-setting'],
    queryFn: () => api.get<OtherSubDimensionsResponse>(`/admin/agency/${agencyId}/metric-setting`),
  });
}

export const useSaveOtherOptions = (agencyId: number) =>
  useAdminChange((body: SaveOtherSubDimensionsBody) => api.put(`/admin/agency/${agencyId}/metric-setting`, body));

/**
 * An agency's own settings (GET/PATCH /api/agencies/:id): its public description and homepage,
 * which supervision populations it covers, and the signed-in member's email reminders
 * (PUT /api/agency/:id/subscription/:userId), and the states and counties to pick jurisdictions from
 * (GET /api/geographies).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencySettingsResponse,
  AgencySettingType,
  GeographiesResponse,
  SubscriptionBody,
  UpdateAgencyBody,
} from '@jc/server/contract';
import { api } from './client.ts';
import { sessionKeys } from './session.ts';

export { MAX_AGENCY_DESCRIPTION_CHARS, MAX_REMINDER_DAYS, MAX_URL_CHARS } from '@jc/server/contract';

export const agencySettingsKeys = {
  all: ['agency-settings'] as const,
  agency: (agencyId: number) => [...agencySettingsKeys.all, agencyId] as const,
};

export function useAgencySettings(agencyId: number) {
  return useQuery({
    queryKey: agencySettingsKeys.agency(agencyId),
    queryFn: () => api.get<AgencySettingsResponse>(`/api/agencies/${agencyId}`),
  });
}

/** A text setting's stored value ('' when the agency has not set it). */
export function textSetting(settings: AgencySettingsResponse, type: AgencySettingType): string {
  const value = settings.settings.find((s) => s.setting_type === type)?.value;
  return typeof value === 'string' ? value : '';
}

/** A yes-or-no setting's stored value (false when the agency has not set it). */
export function booleanSetting(settings: AgencySettingsResponse, type: AgencySettingType): boolean {
  return settings.settings.find((s) => s.setting_type === type)?.value === true;
}

export function useUpdateAgency(agencyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgencyBody) => api.patch(`/api/agencies/${agencyId}`, body),
    onSuccess: async (_, body) => {
      await queryClient.invalidateQueries({ queryKey: agencySettingsKeys.agency(agencyId) });
      // The session lists each agency's systems, which the menus and pages read.
      if (body.systems) await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
}

export function useUpdateSubscription(agencyId: number, userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubscriptionBody) => api.put(`/api/agency/${agencyId}/subscription/${userId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencySettingsKeys.agency(agencyId) }),
  });
}

/** States and counties whose names match what was typed (nothing until something is typed). */
export function useGeographySearch(search: string) {
  return useQuery({
    queryKey: ['geographies', 'search', search] as const,
    queryFn: () =>
      api.get<GeographiesResponse>(`/api/geographies?search=${encodeURIComponent(search)}`).then((b) => b.geographies),
    enabled: search.trim() !== '',
    staleTime: Infinity,
  });
}

/** The names of stored jurisdictions. */
export function useGeographyNames(geoids: readonly string[]) {
  return useQuery({
    queryKey: ['geographies', 'names', ...geoids] as const,
    queryFn: () =>
      api.get<GeographiesResponse>(`/api/geographies?geoids=${geoids.join(',')}`).then((b) => b.geographies),
    enabled: geoids.length > 0,
    staleTime: Infinity,
  });
}

/** The counties of one state (`us_ca`), for an agency's county. */
export function useStateCounties(stateCode: string) {
  return useQuery({
    queryKey: ['geographies', 'state', stateCode] as const,
    queryFn: () =>
      api
        .get<GeographiesResponse>(`/api/geographies?state=${encodeURIComponent(stateCode)}`)
        .then((b) => b.geographies),
    enabled: stateCode !== '',
    staleTime: Infinity,
  });
}

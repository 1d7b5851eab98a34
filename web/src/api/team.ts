/**
 * An agency's team (GET /api/agency/:id) and team management: invite, change role, remove or
 * revoke. Every change reloads the agency's team once, by its key.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyWithTeamResponse, TeamMember } from '@jc/server/contract';
import { api } from './client.ts';

import type { MemberRole } from './session.ts';

export type { MemberRole };

export const teamKeys = {
  all: ['team'] as const,
  agency: (agencyId: number) => [...teamKeys.all, agencyId] as const,
};

export function useTeam(agencyId: number) {
  return useQuery({
    queryKey: teamKeys.agency(agencyId),
    queryFn: () => api.get<AgencyWithTeamResponse>(`/api/agency/${agencyId}`),
    select: (body): TeamMember[] => body.agencies.find((agency) => agency.id === agencyId)?.team ?? [],
  });
}

function useTeamChange<Input>(agencyId: number, send: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.agency(agencyId) }),
  });
}

const usersPath = (agencyId: number) => `/api/agencies/${agencyId}/users`;

export const useInviteMember = (agencyId: number) =>
  useTeamChange(agencyId, (input: { name: string; email: string; role: MemberRole }) =>
    api.post(usersPath(agencyId), { invite_name: input.name, invite_email: input.email, invite_role: input.role }),
  );

export const useChangeMemberRole = (agencyId: number) =>
  useTeamChange(agencyId, (input: { email: string; role: MemberRole }) => api.patch(usersPath(agencyId), input));

export const useRemoveMember = (agencyId: number) =>
  useTeamChange(agencyId, (input: { email: string }) => api.delete(usersPath(agencyId), input));

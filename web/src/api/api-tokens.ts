/**
 * Personal API tokens of one agency (for scripts that upload or read data): the list (an agency
 * admin sees everyone's), making one (its secret is in that answer only) and revoking one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenSummary } from '@jc/server/contract';
import { api } from './client.ts';

export type { ApiTokenSummary };
export type CreatedApiToken = ApiTokenSummary & { token: string };

const tokenKeys = { agency: (agencyId: number) => ['api-tokens', agencyId] as const };
const tokensPath = (agencyId: number) => `/api/agencies/${agencyId}/api_tokens`;

export function useApiTokens(agencyId: number) {
  return useQuery({
    queryKey: tokenKeys.agency(agencyId),
    queryFn: () => api.get<{ api_tokens: ApiTokenSummary[] }>(tokensPath(agencyId)),
    select: (body) => body.api_tokens,
  });
}

function useTokenChange<Input, Result>(agencyId: number, send: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.agency(agencyId) }),
  });
}

export const useCreateApiToken = (agencyId: number) =>
  useTokenChange(agencyId, (name: string) => api.post<CreatedApiToken>(tokensPath(agencyId), { name }));

export const useRevokeApiToken = (agencyId: number) =>
  useTokenChange(agencyId, (tokenId: number) => api.delete(`${tokensPath(agencyId)}/${tokenId}`));

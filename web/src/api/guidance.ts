/**
 * The signed-in member's first-run checklist progress in an agency
 * (GET and PUT /api/users/agencies/:agencyId/guidance).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GuidanceProgressResponse } from '@jc/server/contract';
import { api } from './client.ts';

export type GuidanceTopic = GuidanceProgressResponse['guidance_progress'][number];

const guidanceKey = (agencyId: number) => ['guidance', agencyId] as const;
const guidancePath = (agencyId: number) => `/api/users/agencies/${agencyId}/guidance`;

export function useGuidance(agencyId: number, enabled: boolean) {
  return useQuery({
    queryKey: guidanceKey(agencyId),
    queryFn: () => api.get<GuidanceProgressResponse>(guidancePath(agencyId)),
    select: (body) => body.guidance_progress,
    enabled,
  });
}

export function useUpdateGuidance(agencyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (topic: GuidanceTopic) =>
      api.put<GuidanceProgressResponse>(guidancePath(agencyId), { updated_topic: topic }),
    onSuccess: (body) => queryClient.setQueryData(guidanceKey(agencyId), body),
  });
}

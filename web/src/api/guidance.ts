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

function withTopic(body: GuidanceProgressResponse, topic: GuidanceTopic): GuidanceProgressResponse {
  const progress = body.guidance_progress.map((t) => (t.topicID === topic.topicID ? topic : t));
  return { ...body, guidance_progress: progress };
}

/**
 * A tick shows at once, as a checkbox should; the save follows. A failed save takes the tick back,
 * and the list is read again after the last of several quick ticks, so none undoes another on screen.
 */
export function useUpdateGuidance(agencyId: number) {
  const queryClient = useQueryClient();
  const key = guidanceKey(agencyId);
  const mutationKey = ['update-guidance', agencyId];
  return useMutation({
    mutationKey,
    mutationFn: (topic: GuidanceTopic) =>
      api.put<GuidanceProgressResponse>(guidancePath(agencyId), { updated_topic: topic }),
    onMutate: async (topic) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<GuidanceProgressResponse>(key);
      if (before) queryClient.setQueryData(key, withTopic(before, topic));
      return { before };
    },
    onError: (_error, _topic, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () =>
      queryClient.isMutating({ mutationKey }) === 1 ? queryClient.invalidateQueries({ queryKey: key }) : undefined,
  });
}

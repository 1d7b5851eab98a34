/**
 * Every change on Set Up Metrics saves at once: the screen shows the change immediately, the
 * server is told, a toast says "Settings saved." or why it failed (and the change is undone).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageFor } from '../../api/errors.ts';
import type { MetricSettingJson, MetricSettingUpdate } from '@jc/server/contract';
import { metricSettingKeys, saveMetricSettings } from '../../api/metric-settings.ts';
import { useToast } from '../../components/index.ts';
import { applyUpdates } from './apply-update.ts';

export function useSaveSettings(agencyId: number) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = metricSettingKeys.agency(agencyId);
  const mutationKey = ['save-metric-settings', agencyId];
  const mutation = useMutation({
    mutationKey,
    mutationFn: (metrics: MetricSettingUpdate[]) => saveMetricSettings(agencyId, metrics),
    onMutate: async (metrics) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<MetricSettingJson[]>(key);
      if (before) queryClient.setQueryData(key, applyUpdates(before, metrics));
      return { before };
    },
    onError: (error, _metrics, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      toast.error(`Failed to save. ${messageFor(error)}`);
    },
    onSuccess: () => toast.show('Settings saved.', { tone: 'success' }),
    // The server may change more than was sent (supervision sub-populations), so read it back, but
    // only after the last of several quick saves: an earlier read would undo the later ones on screen.
    onSettled: () =>
      queryClient.isMutating({ mutationKey }) === 1 ? queryClient.invalidateQueries({ queryKey: key }) : undefined,
  });
  return { save: (...metrics: MetricSettingUpdate[]) => mutation.mutate(metrics), isSaving: mutation.isPending };
}

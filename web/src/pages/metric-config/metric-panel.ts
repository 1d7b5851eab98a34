import type { MetricSettingJson } from '@jc/server/contract';
import type { useSaveSettings } from './use-save-settings.ts';

/** What the configure and define panels work on: one metric (or one sub-population's copy). */
export interface MetricPanelProps {
  metric: MetricSettingJson;
  canEdit: boolean;
  save: ReturnType<typeof useSaveSettings>['save'];
}

/**
 * The metrics Explore Data lists, by sector: those the agency reports (switched on, and entered
 * for the metric itself rather than per supervision sub-population). A superagency charts its
 * own SUPERAGENCY metrics; its child agencies' data is on their own pages.
 */
import type { MetricSettingJson } from '@jc/server/contract';
import { isSubpopulation } from '../../rules/overview-rules.ts';
import { reportedMetrics } from '../../rules/metric-rules.ts';

export interface MetricGroup {
  sector: string;
  label: string;
  metrics: MetricSettingJson[];
}

export function metricGroups(metrics: readonly MetricSettingJson[], isSuperagency: boolean): MetricGroup[] {
  const shown = metrics.filter((m) => !isSuperagency || m.system.key === 'SUPERAGENCY');
  const reported = reportedMetrics(shown);
  const groups: MetricGroup[] = [];
  for (const { system } of shown) {
    if (groups.some((g) => g.sector === system.key)) continue;
    const mine = reported.filter((m) => m.system.key === system.key);
    // A sub-population appears only when it has metrics of its own; a sector always appears.
    if (isSubpopulation(system.key) && mine.length === 0) continue;
    groups.push({ sector: system.key, label: system.display_name, metrics: mine });
  }
  return groups;
}

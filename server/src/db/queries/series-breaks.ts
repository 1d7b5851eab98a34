/**
 * The series breaks of an agency's metrics, read from its `metric_setting_history` (the one log of
 * settings changes; series-break-rules.ts decides which changes are breaks and from when). No
 * permission check: callers have loaded the agency for the actor, or it is public.
 */
import type { MetricDef } from '@jc/catalogue';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { metricSettingHistory } from '../schema.ts';
import { groupBy } from '../../lib/group-by.ts';
import { seriesBreaks, type SeriesBreak } from '../../domain/metric-settings/series-break-rules.ts';

/** Metric key → its breaks, oldest first; metrics without a break are absent. */
export async function loadSeriesBreaks(
  db: Executor,
  agencyId: number,
  metrics: readonly MetricDef[],
): Promise<Map<string, SeriesBreak[]>> {
  const rows = await db
    .select({
      metricKey: metricSettingHistory.metricDefinitionKey,
      updates: metricSettingHistory.updates,
      timestamp: metricSettingHistory.timestamp,
    })
    .from(metricSettingHistory)
    .where(eq(metricSettingHistory.agencyId, agencyId))
    .orderBy(asc(metricSettingHistory.timestamp), asc(metricSettingHistory.id));
  const byMetric = groupBy(rows, (row) => row.metricKey);
  const result = new Map<string, SeriesBreak[]>();
  for (const metric of metrics) {
    const breaks = seriesBreaks(metric, byMetric.get(metric.key) ?? []);
    if (breaks.length > 0) result.set(metric.key, breaks);
  }
  return result;
}

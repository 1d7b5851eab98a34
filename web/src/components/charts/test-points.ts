/** Chart points and the monthly choice for the chart rules' tests. */
import type { ChartPoint } from './series-rules.ts';

export const chartPoint = (start: string, value: number | null, extra: Partial<ChartPoint> = {}): ChartPoint => ({
  start,
  frequency: 'MONTHLY',
  breakdown: null,
  member: null,
  value,
  isPublished: true,
  ...extra,
});

export const MONTHLY = { key: 'monthly', label: 'Monthly', frequency: 'MONTHLY', startingMonth: 1 } as const;

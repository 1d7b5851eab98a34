/** Completeness figures in words for analysts: shares as percentages, days to publish. */
import type { CompletenessSummaryJson } from '@jc/server/contract';

/** "67%"; "—" when nothing was owed. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** "12 days", "1 day", "—" when nothing is published; a half day (a median of two) is rounded up. */
export function days(count: number | null): string {
  if (count === null) return '—';
  const whole = Math.ceil(count);
  return `${whole} ${whole === 1 ? 'day' : 'days'}`;
}

/** "4 of 27 figures owed": one figure is one metric's total for one period. */
export function owedSentence(count: number, summary: CompletenessSummaryJson): string {
  if (summary.expected === 0) return 'No metrics are switched on for these periods.';
  return `${count} of ${summary.expected} figures owed`;
}

/** A colour band for a share, for tables and the map: none, low, some, most, all. */
export type ShareBand = 'none' | 'low' | 'some' | 'most' | 'all' | 'owed-nothing';

export function shareBand(share: number | null): ShareBand {
  if (share === null) return 'owed-nothing';
  if (share === 0) return 'none';
  if (share >= 1) return 'all';
  if (share >= 0.75) return 'most';
  return share >= 0.4 ? 'some' : 'low';
}

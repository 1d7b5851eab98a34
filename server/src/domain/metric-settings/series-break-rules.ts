/**
 * Pure: the series breaks of one metric, read from its `metric_setting_history` rows. A break is a
 * change of what the figures mean: an includes/excludes answer changed from one answer to the
 * other, the reporting frequency, or the first month of the agency's year. A first answer to a
 * toggle is no break: it records what the agency already counted.
 *
 * A break applies from the period in progress when the change was saved, at the frequency in
 * force after it: the month of the change, or the (calendar or fiscal) year that contains it.
 * Figures of that period and later were counted under the new definition (they are reported after
 * the period ends). Changes whose breaks fall on the same period are one break; a change undone
 * within the same period leaves none.
 */
import type { Frequency, MetricDef } from '@jc/catalogue';
import { firstOfMonth } from '../../contract/report-periods.ts';
import { settingChanges, type SettingChange } from './setting-history-rules.ts';

export type BreakAspect = 'definition' | 'frequency' | 'starting_month';

export interface BreakChange {
  aspect: BreakAspect;
  /** Breakdown identifier and member NAME of a member's toggle; null otherwise. */
  breakdown: string | null;
  member: string | null;
  /** The toggle's key for a definition change. */
  item: string | null;
  /** YES/NO, MONTHLY/ANNUAL, or a month number: the values in force before and after. */
  oldValue: string | number;
  newValue: string | number;
}

export interface SeriesBreak {
  /** First day (`YYYY-MM-DD`) of the first period counted under the new definition. */
  start: string;
  /** When the (last) change making this break was saved. */
  changedAt: Date;
  changes: BreakChange[];
}

export interface HistoryRow {
  updates: unknown;
  /** null only for rows written without one: they cannot be dated and make no break. */
  timestamp: Date | null;
}

interface InForce {
  frequency: Frequency;
  startingMonth: number;
}

/** First day of the period at `frequency` that contains `at` (UTC). */
export function periodStartAt(at: Date, inForce: InForce): string {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + 1;
  if (inForce.frequency === 'MONTHLY') return firstOfMonth({ year, month });
  const { startingMonth } = inForce;
  return firstOfMonth({ year: month >= startingMonth ? year : year - 1, month: startingMonth });
}

/** The changes of one history row that change what the figures mean; updates `inForce`. */
function meaningfulChanges(changes: readonly SettingChange[], inForce: InForce): BreakChange[] {
  const result: BreakChange[] = [];
  const where = (c: SettingChange) => ({ breakdown: c.breakdown, member: c.member, item: c.item });
  for (const change of changes) {
    const { aspect, oldValue, newValue } = change;
    if (aspect === 'definition' && typeof oldValue === 'string' && typeof newValue === 'string') {
      result.push({ aspect, ...where(change), oldValue, newValue });
    } else if (aspect === 'frequency' && (newValue === 'MONTHLY' || newValue === 'ANNUAL')) {
      if (newValue !== inForce.frequency) {
        result.push({ aspect, ...where(change), oldValue: inForce.frequency, newValue });
      }
      inForce.frequency = newValue;
    } else if (aspect === 'starting_month' && typeof newValue === 'number') {
      if (newValue !== inForce.startingMonth) {
        result.push({ aspect, ...where(change), oldValue: inForce.startingMonth, newValue });
      }
      inForce.startingMonth = newValue;
    }
  }
  // A new year start matters only for annual figures.
  return inForce.frequency === 'ANNUAL' ? result : result.filter((c) => c.aspect !== 'starting_month');
}

const changeId = (c: BreakChange) => JSON.stringify([c.aspect, c.breakdown, c.member, c.item]);

/** Joins the changes of two breaks on the same period: first value before, last value after. */
function merge(earlier: readonly BreakChange[], later: readonly BreakChange[]): BreakChange[] {
  const byId = new Map(earlier.map((c) => [changeId(c), c]));
  for (const change of later) {
    const before = byId.get(changeId(change));
    byId.set(changeId(change), before ? { ...change, oldValue: before.oldValue } : change);
  }
  return [...byId.values()].filter((c) => c.oldValue !== c.newValue);
}

/** The metric's breaks, oldest first, from its history rows oldest first. */
export function seriesBreaks(metric: MetricDef, rows: readonly HistoryRow[]): SeriesBreak[] {
  const inForce: InForce = { frequency: metric.defaultFrequency, startingMonth: 1 };
  const changes = settingChanges(rows.map((row) => ({ metricKey: metric.key, updates: row.updates })));
  const breaks: SeriesBreak[] = [];
  rows.forEach((row, i) => {
    const meaningful = meaningfulChanges(changes[i] ?? [], inForce);
    if (row.timestamp === null || meaningful.length === 0) return;
    const start = periodStartAt(row.timestamp, inForce);
    const last = breaks.at(-1);
    if (last?.start === start) {
      breaks[breaks.length - 1] = { start, changedAt: row.timestamp, changes: merge(last.changes, meaningful) };
    } else {
      breaks.push({ start, changedAt: row.timestamp, changes: meaningful });
    }
  });
  // A change of frequency can start a break before an earlier one (a fiscal year began before it).
  return breaks.filter((b) => b.changes.length > 0).sort((a, b) => a.start.localeCompare(b.start));
}

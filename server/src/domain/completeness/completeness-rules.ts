/**
 * Completeness and timeliness (issue 18 item 4, 06-peers §3.12): for each period an agency should
 * have reported — the last 12 months for its monthly metrics, the last 3 years (calendar or fiscal,
 * as each metric says) for its annual ones — which switched-on metrics have a total on a record of
 * that period, which of them are published, and how many days after the period ended the record
 * was published (from `publish_date`, the day the record last became Published: unpublishing keeps
 * it, publishing again moves it; 0 when it was published before the period was over).
 */
import { getMetric, type SystemName } from '@jc/catalogue';
import {
  latestEndedPeriod,
  lastDayOf,
  previousPeriod,
  type DateRange,
  type ReportFrequency,
} from '../../contract/report-periods.ts';
import type { ResolvedMetricSetting } from '../metric-settings/setting-rules.ts';
import { isUnusedSupervisionCopy } from '../reminders/reminder-rules.ts';

export const MONTHS_SHOWN = 12;
export const YEARS_SHOWN = 3;

/** A record of the agency, with the metrics that have a total (no breakdown, no context) on it. */
export interface CompletenessRecord {
  type: string;
  dateRangeStart: string;
  dateRangeEnd: string;
  status: string;
  publishDate: string | null;
  keysWithTotal: ReadonlySet<string>;
}

export interface PeriodCompleteness {
  frequency: ReportFrequency;
  period: DateRange;
  /** Metric keys switched on for this kind of period, in catalogue order. */
  expected: string[];
  /** Of those, the ones with a total on a record of the period. */
  reported: string[];
  /** Of those, the ones with a total on a published record of the period. */
  published: string[];
  /** Days from the period's last day to the earliest publish date of its published records; null when none is published. */
  daysToPublish: number | null;
}

export interface CompletenessSummary {
  expected: number;
  reported: number;
  published: number;
  /** reported / expected; null when nothing is expected. */
  shareReported: number | null;
  sharePublished: number | null;
  /** Over the periods with a published record. */
  medianDaysToPublish: number | null;
}

/** The switched-on metrics the agency owes: a superagency's own only SUPERAGENCY ones, a supervision metric once. */
export function expectedSettings(
  settings: readonly ResolvedMetricSetting[],
  isSuperagency: boolean,
): ResolvedMetricSetting[] {
  return settings.filter((setting) => {
    const metric = getMetric(setting.key);
    if (!metric || setting.enabled !== true) return false;
    if (isSuperagency && metric.system !== 'SUPERAGENCY') return false;
    return !isUnusedSupervisionCopy({ metric, setting });
  });
}

function lastPeriods(frequency: ReportFrequency, today: string, count: number, startingMonth = 1): DateRange[] {
  const periods = [latestEndedPeriod(frequency, today, startingMonth)];
  while (periods.length < count) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days from the period's last day to the publish date; 0 for a record published before the period ended. */
export function daysToPublish(period: DateRange, publishDate: string): number {
  return Math.max(0, daysBetween(lastDayOf(period), publishDate));
}

function periodOf(
  frequency: ReportFrequency,
  period: DateRange,
  expected: readonly ResolvedMetricSetting[],
  own: readonly CompletenessRecord[],
): PeriodCompleteness {
  const published = own.filter((r) => r.status === 'PUBLISHED');
  const keys = expected.map((setting) => setting.key);
  const hasTotal = (among: readonly CompletenessRecord[]) => (key: string) =>
    among.some((r) => r.keysWithTotal.has(key));
  const publishDates = published.flatMap((r) => (r.publishDate ? [r.publishDate] : [])).sort();
  return {
    frequency,
    period,
    expected: keys,
    reported: keys.filter(hasTotal(own)),
    published: keys.filter(hasTotal(published)),
    daysToPublish: publishDates.length > 0 ? daysToPublish(period, publishDates[0]!) : null,
  };
}

const periodKey = (type: string, start: string, end: string) => `${type}|${start}|${end}`;

/** Every period the agency owed by `today`, newest first (monthly before annual on the same end). */
export function agencyCompleteness(input: {
  settings: readonly ResolvedMetricSetting[];
  isSuperagency: boolean;
  records: readonly CompletenessRecord[];
  today: string;
}): PeriodCompleteness[] {
  const byPeriod = new Map<string, CompletenessRecord[]>();
  for (const record of input.records) {
    const key = periodKey(record.type, record.dateRangeStart, record.dateRangeEnd);
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), record]);
  }
  const owedFor = (frequency: ReportFrequency, period: DateRange, owed: readonly ResolvedMetricSetting[]) =>
    periodOf(frequency, period, owed, byPeriod.get(periodKey(frequency, period.start, period.end)) ?? []);
  const expected = expectedSettings(input.settings, input.isSuperagency);
  const result: PeriodCompleteness[] = [];
  const monthly = expected.filter((s) => s.frequency === 'MONTHLY');
  if (monthly.length > 0) {
    for (const period of lastPeriods('MONTHLY', input.today, MONTHS_SHOWN)) {
      result.push(owedFor('MONTHLY', period, monthly));
    }
  }
  const annual = expected.filter((s) => s.frequency === 'ANNUAL');
  const startingMonths = [...new Set(annual.map((s) => s.startingMonth ?? 1))].sort((a, b) => a - b);
  for (const month of startingMonths) {
    const owed = annual.filter((s) => (s.startingMonth ?? 1) === month);
    for (const period of lastPeriods('ANNUAL', input.today, YEARS_SHOWN, month)) {
      result.push(owedFor('ANNUAL', period, owed));
    }
  }
  return result.sort((a, b) => b.period.end.localeCompare(a.period.end) || (a.frequency === 'MONTHLY' ? -1 : 1));
}

/** The earliest period end `agencyCompleteness` can look at, by kind: older records are not needed. */
export function earliestPeriodEnds(today: string): Record<ReportFrequency, string> {
  const monthly = lastPeriods('MONTHLY', today, MONTHS_SHOWN);
  // Whatever the starting month, the oldest annual period shown ends within the last YEARS_SHOWN years.
  const annual = lastPeriods('ANNUAL', today, YEARS_SHOWN + 1);
  return { MONTHLY: monthly[monthly.length - 1]!.end, ANNUAL: annual[annual.length - 1]!.end };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Totals over any periods (one agency's, or many agencies' together). */
export function summarize(periods: readonly PeriodCompleteness[]): CompletenessSummary {
  let expected = 0;
  let reported = 0;
  let published = 0;
  for (const period of periods) {
    expected += period.expected.length;
    reported += period.reported.length;
    published += period.published.length;
  }
  const days = periods.flatMap((p) => (p.daysToPublish === null ? [] : [p.daysToPublish]));
  return {
    expected,
    reported,
    published,
    shareReported: share(reported, expected),
    sharePublished: share(published, expected),
    medianDaysToPublish: median(days),
  };
}

export interface CombinedPeriod {
  frequency: ReportFrequency;
  period: DateRange;
  agencies: number;
  summary: CompletenessSummary;
}

/** Many agencies' periods put together period by period (a superagency's children), newest first. */
export function combinePeriods(perAgency: readonly (readonly PeriodCompleteness[])[]): CombinedPeriod[] {
  const groups = new Map<string, PeriodCompleteness[]>();
  for (const periods of perAgency) {
    for (const p of periods) {
      const key = `${p.frequency}|${p.period.start}|${p.period.end}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
  }
  return [...groups.values()]
    .map((group) => ({
      frequency: group[0]!.frequency,
      period: group[0]!.period,
      agencies: group.length,
      summary: summarize(group),
    }))
    .sort((a, b) => b.period.end.localeCompare(a.period.end) || (a.frequency === 'MONTHLY' ? -1 : 1));
}

/** One agency's periods cut down to the metrics of one sector (system), for the staff view by sector. */
export function periodsOfSystem(periods: readonly PeriodCompleteness[], system: SystemName): PeriodCompleteness[] {
  const ofSystem = (key: string) => getMetric(key)?.system === system;
  return periods
    .map((p) => ({
      ...p,
      expected: p.expected.filter(ofSystem),
      reported: p.reported.filter(ofSystem),
      published: p.published.filter(ofSystem),
    }))
    .filter((p) => p.expected.length > 0);
}

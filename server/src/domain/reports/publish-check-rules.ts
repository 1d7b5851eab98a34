/**
 * Checks before publishing (06-peers §3.4–3.5): each value about to be published is compared with
 * the agency's own history, breakdowns with their totals, and the share of "unknown" in each
 * breakdown. Every flag is a sentence an agency analyst can act on; publishing a flagged value
 * needs an explanation, which is published with the figure as a data note.
 *
 * History is judged robustly: the median and the median absolute deviation (MAD) of the same
 * month in earlier years, and of the last 12 periods. A value is unusual only when it is unusual
 * against every baseline that has enough history, so a December that is always high raises no
 * alarm. Annual figures have one baseline: earlier years.
 */
import { getBreakdown, getMetric } from '@jc/catalogue';
import { breakdownMismatches } from '../../contract/breakdown-sums.ts';
import { monthName } from '../../contract/report-periods.ts';
import { inferFrequency } from './report-rules.ts';

export interface PublishCheckThresholds {
  /** Robust standard deviations (1.4826 × MAD) from the median beyond which a value is unusual. */
  deviations: number;
  /** ... and it must also be this many times the median, or the median this many times it. */
  ratio: number;
  /** ... and differ from the median by at least this much (small counts move a lot). */
  minDifference: number;
  /** Fewest earlier values a baseline needs before it judges anything. */
  minHistory: number;
  /** Largest share of a breakdown that may be "unknown" without a flag (0–1). */
  unknownShare: number;
}

export const DEFAULT_PUBLISH_CHECKS: PublishCheckThresholds = {
  deviations: 3.5,
  ratio: 1.5,
  minDifference: 5,
  minHistory: 3,
  unknownShare: 0.25,
};

/** A stored value with its record's period (`YYYY-MM-DD`, end exclusive). */
export interface CheckedValue {
  reportId: number;
  startDate: string;
  endDate: string;
  metricKey: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  value: string | null;
}

export type PublishFlagKind = 'unusual' | 'breakdown_sum' | 'unknown_share';

export interface PublishFlag {
  reportId: number;
  /** Names the flag within its record, e.g. `unusual:JAILS_TOTAL_ADMISSIONS`. */
  key: string;
  kind: PublishFlagKind;
  metricKey: string;
  sentence: string;
}

// Scales the MAD to a standard deviation's size for normally distributed values.
const MAD_SCALE = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

/** The baseline's median when `value` is unusual against it; undefined when usual or too little history. */
export function unusualAgainst(
  value: number,
  history: readonly number[],
  limits: PublishCheckThresholds,
): number | undefined {
  if (history.length < limits.minHistory) return undefined;
  const centre = median(history);
  const distance = Math.abs(value - centre);
  if (distance < limits.minDifference) return undefined;
  if (distance <= limits.deviations * MAD_SCALE * medianAbsoluteDeviation(history)) return undefined;
  const [low, high] = value < centre ? [value, centre] : [centre, value];
  return high >= limits.ratio * low ? centre : undefined;
}

const figure = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const metricName = (metricKey: string) => getMetric(metricKey)?.displayName ?? metricKey;
const monthOf = (date: string) => Number(date.slice(5, 7));
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + monthOf(to) - monthOf(from);

/** "3.4 times the usual November (median 363)", "62% below the usual year (median 1,200)". */
function comparison(value: number, centre: number, usual: string): string {
  if (centre === 0) return `${usual} has none`;
  const how =
    value >= centre
      ? `${figure(Math.round((value / centre) * 10) / 10)} times`
      : `${Math.round((1 - value / centre) * 100)}% below`;
  return `${how} ${usual} (median ${figure(centre)})`;
}

function historyFlag(
  target: CheckedValue,
  value: number,
  earlier: readonly CheckedValue[],
  limits: PublishCheckThresholds,
): PublishFlag | undefined {
  const monthly = inferFrequency({ start: target.startDate, end: target.endDate }) === 'MONTHLY';
  const numbers = (values: readonly CheckedValue[]) => values.map((v) => Number(v.value));
  const sameMonth = earlier.filter((v) => monthOf(v.startDate) === monthOf(target.startDate));
  const recent = monthly ? earlier.filter((v) => monthsBetween(v.startDate, target.startDate) <= 12) : [];
  const baselines = [
    { usual: monthly ? `the usual ${monthName(monthOf(target.startDate))}` : 'the usual year', values: sameMonth },
    { usual: 'the median of the last 12 months', values: recent },
  ].filter((baseline) => baseline.values.length >= limits.minHistory);
  if (baselines.length === 0) return undefined;
  const centres = baselines.map((baseline) => unusualAgainst(value, numbers(baseline.values), limits));
  if (centres.some((centre) => centre === undefined)) return undefined;
  const how = comparison(value, centres[0]!, baselines[0]!.usual);
  return {
    reportId: target.reportId,
    key: `unusual:${target.metricKey}`,
    kind: 'unusual',
    metricKey: target.metricKey,
    sentence: `${metricName(target.metricKey)} is ${figure(value)}, ${how}.`,
  };
}

const numberOf = (value: string | null) => (value === null || value.trim() === '' ? null : Number(value));
const isTotal = (v: CheckedValue) => v.dimension === null && v.subDimensionName === null;
/** Unknown members: `UNKNOWN`, and race unknown (`…_UNKNOWN`) in race and ethnicity. */
const isUnknownMember = (name: string) => /(^|_)UNKNOWN$/.test(name);

interface Breakdown {
  identifier: string;
  name: string;
  members: { name: string; value: number | null }[];
}

function breakdownsOf(values: readonly CheckedValue[], metricKey: string): Breakdown[] {
  const byIdentifier = new Map<string, Breakdown>();
  for (const v of values) {
    if (v.subDimensionName !== null || v.dimension === null) continue;
    for (const [identifier, member] of Object.entries(v.dimension)) {
      const name = getBreakdown(metricKey, identifier)?.displayName ?? identifier;
      const breakdown = byIdentifier.get(identifier) ?? { identifier, name, members: [] };
      breakdown.members.push({ name: member, value: numberOf(v.value) });
      byIdentifier.set(identifier, breakdown);
    }
  }
  return [...byIdentifier.values()];
}

function breakdownFlags(
  record: readonly CheckedValue[],
  metricKey: string,
  limits: PublishCheckThresholds,
): PublishFlag[] {
  const reportId = record[0]!.reportId;
  const total = numberOf(record.find(isTotal)?.value ?? null);
  const breakdowns = breakdownsOf(record, metricKey);
  const metric = metricName(metricKey);
  const sums = breakdownMismatches(
    total,
    breakdowns.map((b) => ({ breakdown: b.identifier, values: b.members.map((m) => m.value) })),
  ).map((mismatch): PublishFlag => {
    const name = breakdowns.find((b) => b.identifier === mismatch.breakdown)!.name;
    return {
      reportId,
      key: `breakdown_sum:${metricKey}:${mismatch.breakdown}`,
      kind: 'breakdown_sum',
      metricKey,
      sentence: `The ${name} breakdown of ${metric} adds up to ${figure(mismatch.sum)}, ${mismatch.problem} than the total of ${figure(mismatch.total)}.`,
    };
  });
  const unknowns = breakdowns.flatMap((b): PublishFlag[] => {
    const numbers = b.members.filter((m) => m.value !== null) as { name: string; value: number }[];
    const all = numbers.reduce((sum, m) => sum + m.value, 0);
    const unknown = numbers.filter((m) => isUnknownMember(m.name)).reduce((sum, m) => sum + m.value, 0);
    if (all <= 0 || unknown / all <= limits.unknownShare) return [];
    const share = Math.round((unknown / all) * 100);
    return [
      {
        reportId,
        key: `unknown_share:${metricKey}:${b.identifier}`,
        kind: 'unknown_share',
        metricKey,
        sentence: `${share}% of the ${b.name} breakdown of ${metric} is unknown (${figure(unknown)} of ${figure(all)}).`,
      },
    ];
  });
  return [...sums, ...unknowns];
}

/**
 * The flags of one record's values. `history` holds the agency's values of other records (any
 * status); only totals of the same frequency from earlier periods are compared.
 */
export function publishFlags(
  record: readonly CheckedValue[],
  history: readonly CheckedValue[],
  limits: PublishCheckThresholds,
): PublishFlag[] {
  const metricKeys = [...new Set(record.filter((v) => numberOf(v.value) !== null).map((v) => v.metricKey))];
  return metricKeys.flatMap((metricKey) => {
    const mine = record.filter((v) => v.metricKey === metricKey);
    const target = mine.find(isTotal);
    const value = numberOf(target?.value ?? null);
    const frequency = target && inferFrequency({ start: target.startDate, end: target.endDate });
    const earlier = history.filter(
      (v) =>
        target &&
        isTotal(v) &&
        v.metricKey === metricKey &&
        numberOf(v.value) !== null &&
        v.startDate < target.startDate &&
        inferFrequency({ start: v.startDate, end: v.endDate }) === frequency,
    );
    const unusual = target && value !== null ? historyFlag(target, value, earlier, limits) : undefined;
    return [...(unusual ? [unusual] : []), ...breakdownFlags(mine, metricKey, limits)];
  });
}

/** One record's flags among the agency's values (`rows`, any status): the rest are its history. */
export function flagsOfRecord(
  reportId: number,
  rows: readonly CheckedValue[],
  limits: PublishCheckThresholds,
): PublishFlag[] {
  const record = rows.filter((row) => row.reportId === reportId);
  const history = rows.filter((row) => row.reportId !== reportId);
  return publishFlags(record, history, limits);
}

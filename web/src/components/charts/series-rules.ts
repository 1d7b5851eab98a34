/**
 * What Explore Data charts: an agency's values of one metric over time, at one reporting
 * frequency, as totals or split by one breakdown. Periods with no figure inside the charted span
 * are kept as gaps, so missing months show rather than silently closing up.
 */
import type { DatapointFull, MetricSettingJson } from '@jc/server/contract';
import { monthName } from '@jc/server/contract';
import { isoDay, periodLabel, yearMonth } from './figure-format.ts';

export type Frequency = 'MONTHLY' | 'ANNUAL';

export interface ChartPoint {
  start: string;
  frequency: Frequency;
  breakdown: string | null;
  member: string | null;
  value: number | null;
  isPublished: boolean;
}

function toNumber(value: DatapointFull['value']): number | null {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** One metric's figures (custom "Other" sub-categories left out: they are not charted). */
export function chartPoints(datapoints: readonly DatapointFull[], metricKey: string): ChartPoint[] {
  return datapoints
    .filter((d) => d.metric_definition_key === metricKey && d.sub_dimension_name === null)
    .map((d) => ({
      start: isoDay(d.start_date),
      frequency: d.frequency,
      breakdown: d.disaggregation_display_name,
      member: d.dimension_display_name,
      value: toNumber(d.value),
      isPublished: d.is_published,
    }));
}

export interface FrequencyChoice {
  /** For the address: `monthly`, or `annual-7` for years starting in July. */
  key: string;
  label: string;
  frequency: Frequency;
  startingMonth: number;
}

function choice(frequency: Frequency, startingMonth: number): FrequencyChoice {
  if (frequency === 'MONTHLY') return { key: 'monthly', label: 'Monthly', frequency, startingMonth: 1 };
  const end = monthName(((startingMonth + 10) % 12) + 1);
  const label = startingMonth === 1 ? 'Calendar Year' : `Fiscal Year (${monthName(startingMonth)} – ${end})`;
  return { key: `annual-${startingMonth}`, label, frequency, startingMonth };
}

/** The reference's frequency marks of the table view, with the words its legend gives them. */
export const FREQUENCY_MARKS = {
  M: 'Monthly',
  CY: 'Calendar Year',
  FY: 'Fiscal Year',
  CMY: 'Custom Year',
} as const;

/** M for months, CY for years from January, FY for years from July, CMY for years from another month. */
export function frequencyMark(
  choice: Pick<FrequencyChoice, 'frequency' | 'startingMonth'>,
): keyof typeof FREQUENCY_MARKS {
  if (choice.frequency === 'MONTHLY') return 'M';
  if (choice.startingMonth === 1) return 'CY';
  return choice.startingMonth === 7 ? 'FY' : 'CMY';
}

/** The metric's own frequency (and first month of its year) first, then any other the agency has figures for. */
export function frequencyChoices(
  own: { frequency: Frequency; startingMonth: number },
  points: readonly ChartPoint[],
): FrequencyChoice[] {
  const choices = [choice(own.frequency, own.startingMonth)];
  for (const point of points) {
    const candidate = choice(point.frequency, yearMonth(point.start).month);
    if (!choices.some((c) => c.key === candidate.key)) choices.push(candidate);
  }
  return choices;
}

/** The frequency and first month the metric's latest figures use, so the chart opens on them. */
export function latestFrequency(points: readonly ChartPoint[]): {
  frequency: 'MONTHLY' | 'ANNUAL';
  startingMonth: number;
} {
  const latest = [...points].filter((p) => p.value !== null).sort((a, b) => b.start.localeCompare(a.start))[0];
  if (!latest) return { frequency: 'MONTHLY', startingMonth: 1 };
  return {
    frequency: latest.frequency,
    startingMonth: latest.frequency === 'ANNUAL' ? yearMonth(latest.start).month : 1,
  };
}

export interface Breakdown {
  name: string;
  /** Series names: members, or for race and ethnicity the combined categories. */
  members: string[];
}

const RACE_AND_ETHNICITY = 'Race / Ethnicities';
const SEX = 'Biological Sex';

/**
 * Race and ethnicity are charted as one category each: Hispanic or Latino people together, and
 * everyone else by race ("Black / Not Hispanic or Latino" and "Black / Unknown Ethnicity" → Black).
 */
export function seriesName(breakdown: string, member: string): string {
  if (breakdown !== RACE_AND_ETHNICITY) return member;
  const [race, ethnicity] = member.split(' / ');
  return ethnicity === 'Hispanic or Latino' ? 'Hispanic or Latino' : (race ?? member);
}

/** What breakdownsOf reads of a metric's settings (Set Up Metrics' JSON, or the public payload's). */
type BreakdownSetting = Pick<MetricSettingJson['disaggregations'][number], 'display_name' | 'enabled'> & {
  dimensions: readonly { key: string; enabled: boolean | null }[];
};

/** Breakdowns the agency has not switched off, with members not switched off. */
export function breakdownsOf(
  metric: { disaggregations: readonly BreakdownSetting[] },
  names: Record<string, string[]> | undefined,
  points: readonly ChartPoint[],
): Breakdown[] {
  return metric.disaggregations
    .filter((d) => d.enabled === true || (d.enabled === null && points.some((p) => p.breakdown === d.display_name)))
    .map((d) => {
      const off = new Set(d.dimensions.filter((m) => m.enabled === false).map((m) => m.key));
      const members = (names?.[d.display_name] ?? d.dimensions.map((m) => m.key)).filter((m) => !off.has(m));
      return { name: d.display_name, members: [...new Set(members.map((m) => seriesName(d.display_name, m)))] };
    })
    .filter((b) => b.members.length > 0);
}

/** The breakdown to show first: the first with figures that is not sex or race, else none. */
export function defaultBreakdown(breakdowns: readonly Breakdown[], points: readonly ChartPoint[]): string | null {
  const withData = breakdowns.filter(
    (b) =>
      b.name !== SEX && b.name !== RACE_AND_ETHNICITY && points.some((p) => p.breakdown === b.name && p.value !== null),
  );
  return withData[0]?.name ?? null;
}

/** How far back to chart: every period, or the last N months counted from the latest period. */
export type TimeRange = 'all' | 6 | 12 | 60 | 120;

export interface SeriesRow {
  start: string;
  label: string;
  /** The metric's total for the period, whatever breakdown is charted. */
  total: number | null;
  /** Series name → figure; just `Total` without a breakdown. */
  values: Record<string, number | null>;
  /** No figure to chart for this period. */
  isGap: boolean;
  /** Whether the period's record is published (null for a gap). */
  isPublished: boolean | null;
}

export interface SeriesInput {
  points: readonly ChartPoint[];
  choice: FrequencyChoice;
  breakdown: Breakdown | null;
  publishedOnly: boolean;
  range: TimeRange;
}

export const TOTAL = 'Total';

const monthIndex = (start: string) => yearMonth(start).year * 12 + yearMonth(start).month - 1;
const startOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

function sumOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function rowFor(start: string, input: SeriesInput, points: readonly ChartPoint[]): SeriesRow {
  const here = points.filter((p) => p.start === start);
  const total = here.find((p) => p.breakdown === null)?.value ?? null;
  const values: Record<string, number | null> = {};
  if (input.breakdown) {
    const { name, members } = input.breakdown;
    for (const member of members) {
      const mine = here.filter(
        (p) => p.breakdown === name && p.member !== null && seriesName(name, p.member) === member,
      );
      values[member] = sumOrNull(mine.map((p) => p.value));
    }
  } else {
    values[TOTAL] = total;
  }
  const isGap = Object.values(values).every((v) => v === null);
  return {
    start,
    label: periodLabel(start, input.choice.frequency),
    total,
    values,
    isGap,
    isPublished: isGap ? null : here.every((p) => p.isPublished),
  };
}

/** One row per period from the first figure to the last, within the chosen range. */
export function buildSeries(input: SeriesInput): SeriesRow[] {
  const { choice: chosen } = input;
  const points = input.points.filter(
    (p) =>
      p.frequency === chosen.frequency &&
      (chosen.frequency === 'MONTHLY' || yearMonth(p.start).month === chosen.startingMonth) &&
      p.value !== null &&
      (!input.publishedOnly || p.isPublished),
  );
  if (points.length === 0) return [];
  const indexes = points.map((p) => monthIndex(p.start));
  const last = Math.max(...indexes);
  const first = input.range === 'all' ? Math.min(...indexes) : Math.max(Math.min(...indexes), last - input.range + 1);
  const step = chosen.frequency === 'MONTHLY' ? 1 : 12;
  const rows: SeriesRow[] = [];
  // Annual periods line up on the chosen starting month, so step back from the latest one.
  for (let index = last; index >= first; index -= step) rows.unshift(rowFor(startOf(index), input, points));
  return rows;
}

export interface Insights {
  percentChange: number | null;
  average: number | null;
  mostRecent: string | null;
}

/** Change from the first to the last total charted, the average total, and the latest period with one. */
export function insightsOf(rows: readonly SeriesRow[]): Insights {
  const totals = rows
    .map((row) => ({ row, value: row.total ?? sumOrNull(Object.values(row.values)) }))
    .filter((entry): entry is { row: SeriesRow; value: number } => entry.value !== null);
  const first = totals[0];
  const last = totals.at(-1);
  const canCompare = first && last && totals.length > 1 && first.value !== 0;
  return {
    percentChange: canCompare ? ((last.value - first.value) / first.value) * 100 : null,
    average: totals.length ? totals.reduce((sum, t) => sum + t.value, 0) / totals.length : null,
    mostRecent: last?.row.label ?? null,
  };
}

/**
 * What the public dashboards show, from the server's public payloads: which agencies are listed
 * and found by a search, which metrics of an agency have figures, in which sectors, and what a
 * metric's definition includes. The server has already left out everything not public.
 */
import { isSystemName, systemLabel } from '@jc/catalogue';
import { monthName } from '@jc/server/contract';
import { dateRangeLabel } from '../../rules/record-names.ts';
import type {
  DashboardAgencyJson,
  DatapointFull,
  PublishedDataResponse,
  PublishedMetricJson,
} from '@jc/server/contract';
import type { Breakdown } from '../../components/charts/series-rules.ts';
import type { ChartOptions, ChartSelection } from '../../components/charts/use-metric-chart.ts';

export const sectorLabel = (sector: string) => (isSystemName(sector) ? systemLabel(sector) : sector);

/** Agencies with something published, matching every word of the search in name, place or sector. */
export function listedAgencies(agencies: readonly DashboardAgencyJson[], search: string): DashboardAgencyJson[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return agencies
    .filter((agency) => agency.available_metric_keys.length > 0)
    .filter((agency) => {
      const text = [agency.name, agency.state_name, agency.county_name, ...agency.available_sectors.map(sectorLabel)]
        .join(' ')
        .toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PublicMetric {
  metric: PublishedMetricJson;
  /** Totals and breakdown values together, as Explore Data's chart rules read them. */
  datapoints: DatapointFull[];
}

/** Metrics switched on with at least one published figure, in the server's order. */
export function metricsWithData(data: PublishedDataResponse): PublicMetric[] {
  return data.metrics
    .filter((metric) => metric.enabled === true)
    .map((metric) => ({
      metric,
      datapoints: [
        ...(metric.datapoints ?? []),
        ...metric.disaggregations.flatMap((d) => d.dimensions.flatMap((member) => member.datapoints ?? [])),
      ],
    }))
    .filter(({ datapoints }) => datapoints.some((d) => d.value !== null));
}

/** The sectors that have metrics to show, in the order the metrics come. */
export function sectorsOf(metrics: readonly PublicMetric[]): string[] {
  return [...new Set(metrics.map(({ metric }) => metric.system.key))];
}

/** "Recent" is the last year of a monthly metric and the last five years of an annual one. */
export function recentMonths(frequency: 'MONTHLY' | 'ANNUAL'): 12 | 60 {
  return frequency === 'MONTHLY' ? 12 : 60;
}

/**
 * What a dashboard charts of a metric: its latest frequency's published figures, recent or all,
 * split as `breakdown` picks, as counts or (where the metric has one) rates per 100,000 residents.
 */
export const chartSelection =
  (recent: boolean, breakdown: (options: ChartOptions) => Breakdown | null, asRate = false) =>
  (options: ChartOptions): ChartSelection => ({
    choice: options.choices[0]!,
    breakdown: breakdown(options),
    range: recent ? recentMonths(options.choices[0]!.frequency) : 'all',
    publishedOnly: true,
    asRate,
  });

/** The totals, no breakdown. */
export const totalsOnly = (): null => null;

/** The breakdown named, else the default one (see defaultBreakdown), else none. */
export const chosenBreakdown =
  (name: string | null) =>
  ({ breakdowns, defaultBreakdown }: ChartOptions): Breakdown | null =>
    breakdowns.find((b) => b.name === name) ?? breakdowns.find((b) => b.name === defaultBreakdown) ?? null;

export interface Definition {
  included: string[];
  excluded: string[];
  /** The agency's own words about what it counts. */
  note: string | null;
}

/** What the agency counts in the metric: its answers, or the Justice Counts default where it gave none. */
export function definitionOf(metric: PublishedMetricJson): Definition {
  const settings = metric.includes_excludes.flatMap((group) => group.settings);
  const answer = (s: (typeof settings)[number]) => s.included ?? s.default;
  const note = metric.contexts.find((c) => c.key === 'INCLUDES_EXCLUDES_DESCRIPTION')?.value?.trim();
  return {
    included: settings.filter((s) => answer(s) === 'Yes').map((s) => s.label),
    excluded: settings.filter((s) => answer(s) === 'No').map((s) => s.label),
    note: note || null,
  };
}

/** `arrests_by_type` → "Arrests by type", for the download links. */
export function fileLabel(fileName: string): string {
  const words = fileName.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "January 2024" for a month, else the dates the period covers. */
export function notePeriod(note: { start_date: string; end_date: string }): string {
  const months =
    (Number(note.end_date.slice(0, 4)) - Number(note.start_date.slice(0, 4))) * 12 +
    Number(note.end_date.slice(5, 7)) -
    Number(note.start_date.slice(5, 7));
  if (months === 1) return `${monthName(Number(note.start_date.slice(5, 7)))} ${note.start_date.slice(0, 4)}`;
  return dateRangeLabel({ date_range_start: note.start_date, date_range_end: note.end_date });
}

/**
 * The Home page's task cards (05-frontend §2.2), from GET /api/home:
 * 1. every metric still waiting for an answer on availability → set it up;
 * 2. every reported metric with no figure for the most recent period of its frequency that has
 *    ended (November in early December; last year, or the last fiscal year) → add data;
 * 3. every unpublished record holding figures → publish it (one card per record).
 * No card at all means every task is done.
 */
import { latestEndedPeriod, type DateRange } from '@jc/server/contract';
import type { HomeResponse, MetricSettingJson, ReportMetric, ReportPage } from '@jc/server/contract';
import { isSubpopulation } from '../../rules/overview-rules.ts';
import { frequencyOf, isEnteredOnItsOwn, reportedMetrics, startingMonthOf } from '../../rules/metric-rules.ts';

export type TaskCard =
  | { kind: 'configure'; id: string; metric: MetricSettingJson }
  | { kind: 'add-data'; id: string; metric: MetricSettingJson; period: DateRange; record: ReportPage | null }
  | { kind: 'publish'; id: string; record: ReportPage; metricNames: string[] };

export const ALL_SECTORS = 'ALL';

export interface Sector {
  key: string;
  label: string;
}

/** The latest monthly record; the server sends `{}` when there is none. */
export function monthlyRecordOf(home: HomeResponse): ReportPage | null {
  const record = home.monthly_report;
  return 'id' in record && typeof record.id === 'number' ? (record as ReportPage) : null;
}

/** The period a metric's figures are due for: the most recent one of its frequency that has ended. */
export function duePeriodFor(metric: MetricSettingJson, today: string): DateRange {
  return latestEndedPeriod(frequencyOf(metric), today, startingMonthOf(metric));
}

/** The record of that period, when the latest record of the metric's frequency is it. */
function dueRecordFor(home: HomeResponse, period: DateRange, metric: MetricSettingJson): ReportPage | null {
  const latest =
    frequencyOf(metric) === 'MONTHLY' ? monthlyRecordOf(home) : home.annual_reports[String(startingMonthOf(metric))];
  return latest && latest.date_range_start === period.start && latest.date_range_end === period.end ? latest : null;
}

export function hasFigures(metric: ReportMetric | undefined): boolean {
  if (!metric) return false;
  if (metric.value !== null) return true;
  return metric.disaggregations.some((d) => d.dimensions.some((member) => member.value !== null));
}

/**
 * Sector tabs: "All" and each sector, when there is more than one. A supervision sub-population
 * gets a tab only when it reports a metric of its own.
 */
export function sectorTabs(metrics: readonly MetricSettingJson[]): Sector[] {
  const reported = reportedMetrics(metrics);
  const sectors: Sector[] = [];
  for (const { system } of metrics) {
    if (sectors.some((s) => s.key === system.key)) continue;
    if (isSubpopulation(system.key) && !reported.some((m) => m.system.key === system.key)) continue;
    sectors.push({ key: system.key, label: system.display_name });
  }
  return sectors.length > 1 ? [{ key: ALL_SECTORS, label: 'All' }, ...sectors] : [];
}

const inSector = (sector: string) => (metric: MetricSettingJson) =>
  sector === ALL_SECTORS || metric.system.key === sector;

function publishCards(home: HomeResponse, metrics: readonly MetricSettingJson[]): TaskCard[] {
  const records = [monthlyRecordOf(home), ...Object.values(home.annual_reports)];
  const cards: TaskCard[] = [];
  for (const record of records) {
    if (!record || record.status === 'PUBLISHED') continue;
    const withFigures = metrics.filter((m) => hasFigures(record.metrics.find((r) => r.key === m.key)));
    if (withFigures.length === 0) continue;
    cards.push({
      kind: 'publish',
      id: `publish-${record.id}`,
      record,
      metricNames: withFigures.map((m) => m.display_name),
    });
  }
  return cards;
}

/** @param today the server's date (YYYY-MM-DD). */
export function taskCards(home: HomeResponse, today: string, sector: string = ALL_SECTORS): TaskCard[] {
  const all = home.agency_metrics;
  const shown = all.filter(inSector(sector));
  const reported = reportedMetrics(all).filter(inSector(sector));
  const configure: TaskCard[] = shown
    .filter((m) => m.enabled === null && isEnteredOnItsOwn(all, m))
    .map((metric) => ({ kind: 'configure', id: `configure-${metric.key}`, metric }));
  const addData: TaskCard[] = reported
    .map((metric) => {
      const period = duePeriodFor(metric, today);
      return { metric, period, record: dueRecordFor(home, period, metric) };
    })
    .filter(({ metric, record }) => !hasFigures(record?.metrics.find((r) => r.key === metric.key)))
    .map((due) => ({ kind: 'add-data', id: `add-data-${due.metric.key}`, ...due }));
  return [...configure, ...addData, ...publishCards(home, reported)];
}

/**
 * The shape of a generated data set, decided without I/O: which agencies (one sector each, taking
 * turns through every sector), which records (Y years of monthly and calendar-year annual records)
 * and which values (every enabled metric, every breakdown member, members adding up to the total).
 * Everything is seeded by names, so the same size always gives the same rows.
 */
import { AGENCY_SYSTEMS, metricsForSystem, type MetricDef, type SystemName } from '@jc/catalogue';
import { reportInstance } from '../../../server/src/domain/reports/report-rules.ts';
import { seededRandom, splitTotal } from '../../../server/src/fixtures/random.ts';

export type SizeName = 'small' | 'medium' | 'large';

export interface DatasetSize {
  name: SizeName;
  agencies: number;
  years: number;
}

export const SIZES: Record<SizeName, DatasetSize> = {
  small: { name: 'small', agencies: 10, years: 3 },
  medium: { name: 'medium', agencies: 200, years: 5 },
  large: { name: 'large', agencies: 2_000, years: 5 },
};

/** The last generated year: fixed, so a data set never depends on the day it is made. */
export const LAST_YEAR = 2025;

/** The agency every read benchmark asks about: a jail with ten years of full records. */
export const PROBE_YEARS = 10;

export interface PlannedAgency {
  /** 1-based; also the agency's id in a fresh database. */
  id: number;
  name: string;
  system: SystemName;
  years: number;
  isProbe: boolean;
}

/** A record's period; the end date is exclusive, as stored. */
export interface ReportPeriod {
  type: 'MONTHLY' | 'ANNUAL';
  instance: string;
  dateRangeStart: string;
  dateRangeEnd: string;
}

const firstDay = (year: number, month: number) =>
  `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;

function period(type: ReportPeriod['type'], year: number, month: number): ReportPeriod {
  const start = firstDay(year, month);
  const end = type === 'MONTHLY' ? firstDay(year, month + 1) : firstDay(year + 1, month);
  return { type, instance: reportInstance(type, start), dateRangeStart: start, dateRangeEnd: end };
}

export interface PlannedRecord {
  /** 1-based over the whole data set; also the record's id in a fresh database. */
  id: number;
  agencyId: number;
  period: ReportPeriod;
}

export interface PlannedValue {
  metricKey: string;
  /** `{identifier: member NAME}`, or null for the metric's total. */
  dimension: Record<string, string> | null;
  value: number;
}

/** The probe agency first, then `size.agencies` agencies taking turns through the sectors. */
export function planAgencies(size: DatasetSize): PlannedAgency[] {
  const probe: PlannedAgency = { id: 1, name: 'Bench Probe Jail', system: 'JAILS', years: PROBE_YEARS, isProbe: true };
  const others = Array.from({ length: size.agencies }, (_, i): PlannedAgency => {
    const system = AGENCY_SYSTEMS[i % AGENCY_SYSTEMS.length]!;
    return { id: i + 2, name: `Bench Agency ${i + 1} (${system})`, system, years: size.years, isProbe: false };
  });
  return [probe, ...others];
}

/** Every record of the agencies, year by year: twelve monthly records, then the annual one. */
export function* planRecords(agencies: readonly PlannedAgency[]): Generator<PlannedRecord> {
  let id = 0;
  for (const agency of agencies) {
    for (let year = LAST_YEAR - agency.years + 1; year <= LAST_YEAR; year++) {
      for (let month = 1; month <= 12; month++) {
        yield { id: ++id, agencyId: agency.id, period: period('MONTHLY', year, month) };
      }
      yield { id: ++id, agencyId: agency.id, period: period('ANNUAL', year, 1) };
    }
  }
}

/** The metrics a sector reports (all switched on, at the catalogue's default frequency). */
export function enabledMetrics(system: SystemName): MetricDef[] {
  return metricsForSystem(system).filter((metric) => !metric.disabled);
}

const metricsByFrequency = new Map<string, MetricDef[]>();

function metricsOn(system: SystemName, type: 'MONTHLY' | 'ANNUAL'): MetricDef[] {
  const key = `${system} ${type}`;
  let metrics = metricsByFrequency.get(key);
  if (!metrics) {
    metrics = enabledMetrics(system).filter((metric) => metric.defaultFrequency === type);
    metricsByFrequency.set(key, metrics);
  }
  return metrics;
}

/** One shared `{identifier: member}` object per breakdown member, so loaders can cache what they derive from it. */
const memberDimensions = new Map<string, Record<string, string>>();

function memberDimension(identifier: string, member: string): Record<string, string> {
  const key = `${identifier}\u0000${member}`;
  let dimension = memberDimensions.get(key);
  if (!dimension) {
    dimension = Object.freeze({ [identifier]: member });
    memberDimensions.set(key, dimension);
  }
  return dimension;
}

/** One metric's total and its breakdowns for one period; every breakdown adds up to the total. */
export function metricValues(agencyName: string, metric: MetricDef, periodKey: string): PlannedValue[] {
  const level = seededRandom(agencyName, metric.key).between(50, 5_000);
  const random = seededRandom(agencyName, metric.key, periodKey);
  const total = Math.round(level * random.between(0.9, 1.1));
  const values: PlannedValue[] = [{ metricKey: metric.key, dimension: null, value: total }];
  for (const dimension of metric.dimensions) {
    const parts = splitTotal(
      total,
      dimension.members.map(() => random.next()),
    );
    dimension.members.forEach((member, index) => {
      values.push({
        metricKey: metric.key,
        dimension: memberDimension(dimension.identifier, member.name),
        value: parts[index]!,
      });
    });
  }
  return values;
}

/** Every value of one record. */
export function recordValues(agency: PlannedAgency, record: PlannedRecord): PlannedValue[] {
  return metricsOn(agency.system, record.period.type).flatMap((metric) =>
    metricValues(agency.name, metric, record.period.instance),
  );
}

/** How many values a data set holds, without generating them. */
export function countValues(agencies: readonly PlannedAgency[]): number {
  const perPeriod = (metrics: MetricDef[]) =>
    metrics.reduce((sum, m) => sum + 1 + m.dimensions.reduce((n, d) => n + d.members.length, 0), 0);
  return agencies.reduce(
    (sum, a) =>
      sum + a.years * (12 * perPeriod(metricsOn(a.system, 'MONTHLY')) + perPeriod(metricsOn(a.system, 'ANNUAL'))),
    0,
  );
}

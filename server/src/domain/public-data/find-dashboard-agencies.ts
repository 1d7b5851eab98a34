/**
 * GET /api/agencies/dashboard: each agency with its dashboard on, and what it has to show: the
 * sectors and metrics with at least one public value, and for each metric the breakdown members
 * with one. Computed from the database in set-based queries over the agencies' public snapshots
 * (the reference read a file a daily job wrote).
 */
import { and, asc, eq, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import { getMetric, V2_DASHBOARD_METRIC_KEYS, type MetricDef, type SystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import { datapoint, metricSetting, publicSnapshot, report, source } from '../../db/schema.ts';
import { metricsOfSystems } from '../metric-settings/setting-rules.ts';
import { groupBy } from '../../lib/group-by.ts';
import { readStoredSetting, type StoredMetricSetting } from '../metric-settings/stored-setting-rules.ts';
import { agencyCounty, loadIncludedPlaces } from './agency-place.ts';
import { sectorsOf } from './public-agency.ts';
import { publicValueFilter } from './public-rules.ts';
import type { County } from '../../lib/us-counties.ts';

export interface DashboardAgency {
  id: number;
  name: string;
  stateCode: string | null;
  county: County | null;
  sectors: SystemName[];
  /** The metrics with a public value, in catalogue order. */
  metrics: MetricDef[];
  /** Their v2 metric keys. */
  metricKeys: string[];
  /** v2 metric key → dimension identifier → member NAMEs. */
  breakdowns: Record<string, Record<string, string[]>>;
}

type AgencyRow = Omit<DashboardAgency, 'county' | 'sectors' | 'metrics' | 'metricKeys' | 'breakdowns'> & {
  systems: string[] | null;
  fipsCountyCode: string | null;
};
interface ValueKind {
  agencyId: number;
  metricKey: string;
  dimension: Record<string, string> | null;
}

/** Agencies with their dashboard on, and their stored metric settings (one row per setting). */
async function loadAgencies(db: Executor) {
  const rows = await db
    .select({
      id: source.id,
      name: source.name,
      stateCode: source.stateCode,
      fipsCountyCode: source.fipsCountyCode,
      systems: source.systems,
      metricKey: metricSetting.metricDefinitionKey,
      setting: metricSetting.metricInterface,
    })
    .from(source)
    .leftJoin(metricSetting, eq(metricSetting.agencyId, source.id))
    .where(eq(source.isDashboardEnabled, true))
    .orderBy(asc(source.name), asc(source.id));
  const agencies = new Map<number, { agency: AgencyRow; stored: Map<string, StoredMetricSetting> }>();
  for (const { metricKey, setting, ...agency } of rows) {
    const entry = agencies.get(agency.id) ?? { agency, stored: new Map() };
    if (metricKey !== null) entry.stored.set(metricKey, readStoredSetting(metricKey, setting));
    agencies.set(agency.id, entry);
  }
  return agencies;
}

/**
 * Each distinct (agency, metric, breakdown member) with a public value: from the agencies'
 * snapshots (public-snapshot.ts; tuple items 4–7 are metric, breakdown, "Other" sub-category and
 * value), and for an agency without one yet, from its PUBLISHED records.
 */
async function loadValueKinds(db: Executor): Promise<ValueKind[]> {
  const value = sql<string>`v.item ->> 7`;
  const fromSnapshots = db
    .selectDistinct({
      agencyId: publicSnapshot.agencyId,
      metricKey: sql<string>`v.item ->> 4`,
      dimension: sql<Record<string, string> | null>`nullif(v.item -> 5, 'null'::jsonb)`,
    })
    .from(publicSnapshot)
    .innerJoin(source, and(eq(source.id, publicSnapshot.agencyId), eq(source.isDashboardEnabled, true)))
    .innerJoin(sql`jsonb_array_elements(${publicSnapshot.values}) as v(item)`, sql`true`)
    .where(sql`v.item -> 6 = 'null'::jsonb and ${value} is not null and btrim(${value}) <> ''`);
  const fromRecords = db
    .selectDistinct({
      agencyId: report.sourceId,
      metricKey: datapoint.metricDefinitionKey,
      dimension: datapoint.dimensionIdentifierToMember,
    })
    .from(source)
    .innerJoin(report, and(eq(report.sourceId, source.id), eq(report.status, 'PUBLISHED')))
    .innerJoin(datapoint, eq(datapoint.reportId, report.id))
    .where(
      and(
        eq(source.isDashboardEnabled, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(publicSnapshot)
            .where(eq(publicSnapshot.agencyId, source.id)),
        ),
        isNull(datapoint.contextKey),
        isNull(datapoint.subDimensionName),
        isNotNull(datapoint.value),
        sql`btrim(${datapoint.value}) <> ''`,
      ),
    );
  const [snapshots, records] = await Promise.all([fromSnapshots, fromRecords]);
  return [...snapshots, ...records];
}

const v2Key = (key: string) => V2_DASHBOARD_METRIC_KEYS[key] ?? key;

/** Member NAMEs of a breakdown, in the catalogue's order. */
function inCatalogueOrder(metricKey: string, identifier: string, members: Set<string>): string[] {
  const breakdown = getMetric(metricKey)?.dimensions.find((d) => d.identifier === identifier);
  return (breakdown?.members ?? []).map((m) => m.name).filter((name) => members.has(name));
}

function summarize(
  agency: AgencyRow,
  stored: Map<string, StoredMetricSetting>,
  kinds: ValueKind[],
  places: string[],
): DashboardAgency {
  const metrics = metricsOfSystems(agency.systems);
  const isPublic = publicValueFilter(metrics, stored);
  const found = new Map<string, Map<string, Set<string>>>();
  for (const kind of kinds.filter((k) => isPublic({ ...k, subDimensionName: null, value: '1' }))) {
    const forMetric = found.get(kind.metricKey) ?? new Map<string, Set<string>>();
    found.set(kind.metricKey, forMetric);
    for (const [identifier, member] of Object.entries(kind.dimension ?? {})) {
      forMetric.set(identifier, (forMetric.get(identifier) ?? new Set()).add(member));
    }
  }
  const shown = metrics.filter((metric) => found.has(metric.key));
  const breakdowns: DashboardAgency['breakdowns'] = {};
  for (const metric of shown) {
    const members = [...found.get(metric.key)!].map(([id, names]) => [id, inCatalogueOrder(metric.key, id, names)]);
    breakdowns[v2Key(metric.key)] = Object.fromEntries(members);
  }
  return {
    id: agency.id,
    name: agency.name,
    stateCode: agency.stateCode,
    county: agencyCounty(agency, places),
    sectors: sectorsOf(agency).filter((sector) => shown.some((metric) => metric.system === sector)),
    metrics: shown,
    metricKeys: shown.map((metric) => v2Key(metric.key)),
    breakdowns,
  };
}

export async function findDashboardAgencies(db: Executor): Promise<DashboardAgency[]> {
  const [agencies, kinds] = await Promise.all([loadAgencies(db), loadValueKinds(db)]);
  const places = await loadIncludedPlaces(db, [...agencies.keys()]);
  const byAgency = groupBy(kinds, (kind) => kind.agencyId);
  return [...agencies.values()].map(({ agency, stored }) =>
    summarize(agency, stored, byAgency.get(agency.id) ?? [], places.get(agency.id) ?? []),
  );
}

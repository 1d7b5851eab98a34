/**
 * An agency's metric settings for the pages that read them on every request (the metric settings
 * page, the record page, a save), parsed and resolved once per version of its stored documents
 * instead of on every request (docs/performance.md, cause 7).
 *
 * Each request still asks the database which documents the agency has and their row versions
 * (PostgreSQL's `xmin`, which every write of a row changes, whoever writes it), and uses what this
 * process read before only when that answer is the same: a save through another server instance is
 * seen by the next request. Entries are per agency and immutable; the oldest agencies are dropped.
 *
 * Not for a transaction that writes metric settings and reads them back before committing: it
 * would see its own uncommitted rows (update-metric-settings.ts reads with loadStoredSettings).
 */
import type { MetricDef } from '@jc/catalogue';
import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Executor } from '../database.ts';
import { preparedPerExecutor } from '../prepared.ts';
import { metricSetting } from '../schema.ts';
import { resolveSetting, type ResolvedMetricSetting } from '../../domain/metric-settings/setting-rules.ts';
import { metricsOfSystems, withInvariants } from '../../domain/metric-settings/setting-rules.ts';
import { readStoredSetting, type StoredMetricSetting } from '../../domain/metric-settings/stored-setting-rules.ts';
import type { SeriesBreak } from '../../domain/metric-settings/series-break-rules.ts';
import { loadSeriesBreaks } from './series-breaks.ts';

export interface MetricWithSetting {
  metric: MetricDef;
  /** The stored document (or an empty one) with the read-time invariants applied. */
  setting: StoredMetricSetting;
  /** Changes of its definition, frequency or year start (series-break-rules.ts), oldest first. */
  breaks: readonly SeriesBreak[];
}

export interface CurrentSettings {
  /** Every metric of the agency's systems with its setting, in catalogue order. */
  metrics: readonly MetricWithSetting[];
  /** The same metrics' effective settings. */
  resolved: readonly ResolvedMetricSetting[];
}

/** Agencies kept; an entry is a few tens of kilobytes. */
const MAX_AGENCIES = 500;

const cache = new LRUCache<number, { version: string; settings: CurrentSettings }>({ max: MAX_AGENCIES });

const rowVersion = sql<string>`${metricSetting}.xmin::text`;

const versionsQuery = preparedPerExecutor((db) =>
  db
    .select({ id: metricSetting.id, version: rowVersion })
    .from(metricSetting)
    .where(eq(metricSetting.agencyId, sql.placeholder('agencyId')))
    .orderBy(metricSetting.id)
    .prepare('jc_metric_setting_versions'),
);

const documentsQuery = preparedPerExecutor((db) =>
  db
    .select({
      id: metricSetting.id,
      version: rowVersion,
      key: metricSetting.metricDefinitionKey,
      value: metricSetting.metricInterface,
    })
    .from(metricSetting)
    .where(eq(metricSetting.agencyId, sql.placeholder('agencyId')))
    .orderBy(metricSetting.id)
    .prepare('jc_metric_setting_documents'),
);

function versionOf(systems: readonly string[] | null, rows: readonly { id: number; version: string }[]): string {
  return `${(systems ?? []).join(',')}|${rows.map((row) => `${row.id}:${row.version}`).join(',')}`;
}

/** Every metric of the agency's systems with its setting and breaks, in catalogue order. */
export async function metricsWithSettings(
  db: Executor,
  agency: { id: number; systems: string[] | null },
  stored: ReadonlyMap<string, StoredMetricSetting>,
): Promise<MetricWithSetting[]> {
  const metrics = metricsOfSystems(agency.systems);
  const breaks = await loadSeriesBreaks(db, agency.id, metrics);
  return metrics.map((metric) => ({
    metric,
    setting: withInvariants(metric, stored.get(metric.key)),
    breaks: breaks.get(metric.key) ?? [],
  }));
}

async function settingsFrom(
  db: Executor,
  agency: { id: number; systems: string[] | null },
  stored: Map<string, StoredMetricSetting>,
): Promise<CurrentSettings> {
  const metrics = await metricsWithSettings(db, agency, stored);
  return { metrics, resolved: metrics.map(({ metric }) => resolveSetting(metric, stored.get(metric.key))) };
}

/** The agency's settings as stored now; no permission check (callers have loaded the agency for the actor). */
export async function currentSettings(
  db: Executor,
  agency: { id: number; systems: string[] | null },
): Promise<CurrentSettings> {
  const cached = cache.get(agency.id);
  if (cached) {
    const versions = await versionsQuery(db).execute({ agencyId: agency.id });
    if (cached.version === versionOf(agency.systems, versions)) return cached.settings;
  }
  const rows = await documentsQuery(db).execute({ agencyId: agency.id });
  const stored = new Map(rows.map((row) => [row.key, readStoredSetting(row.key, row.value)]));
  const settings = await settingsFrom(db, agency, stored);
  cache.set(agency.id, { version: versionOf(agency.systems, rows), settings });
  return settings;
}

/**
 * What completeness is computed from, for any number of agencies in two statements: their
 * metric settings, and their records that ended in the window with the metrics that have a total
 * on each. No permission check: the use cases have loaded the agencies for the actor.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import { datapoint, report } from '../../db/schema.ts';
import { loadStoredSettingsOf } from '../../db/queries/settings.ts';
import { intArray } from '../../db/sql-arrays.ts';
import { metricsOfSystems, resolveSetting } from '../metric-settings/setting-rules.ts';
import {
  agencyCompleteness,
  earliestPeriodEnds,
  type CompletenessRecord,
  type PeriodCompleteness,
} from './completeness-rules.ts';

async function loadSettings(db: Executor, agencies: readonly AgencyRow[]) {
  const stored = await loadStoredSettingsOf(
    db,
    agencies.map((a) => a.id),
  );
  return new Map(
    agencies.map((agency) => [
      agency.id,
      metricsOfSystems(agency.systems).map((metric) => resolveSetting(metric, stored.get(agency.id)?.get(metric.key))),
    ]),
  );
}

async function loadRecords(db: Executor, agencies: readonly AgencyRow[], today: string) {
  const earliest = earliestPeriodEnds(today);
  const keys = sql<string[]>`coalesce(array_agg(distinct ${datapoint.metricDefinitionKey})
    filter (where ${datapoint.id} is not null), '{}')`;
  const rows = await db
    .select({
      agencyId: report.sourceId,
      type: report.type,
      dateRangeStart: report.dateRangeStart,
      dateRangeEnd: report.dateRangeEnd,
      status: report.status,
      publishDate: report.publishDate,
      keys,
    })
    .from(report)
    .leftJoin(
      datapoint,
      and(
        eq(datapoint.reportId, report.id),
        sql`${datapoint.value} is not null and ${datapoint.dimensionIdentifierToMember} is null
          and ${datapoint.contextKey} is null`,
      ),
    )
    .where(
      sql`${report.sourceId} = any(${intArray(agencies.map((a) => a.id))}) and ${report.dateRangeEnd} <= ${today}
        and (${report.type} <> 'MONTHLY' or ${report.dateRangeEnd} >= ${earliest.MONTHLY})
        and ${report.dateRangeEnd} >= ${earliest.ANNUAL}`,
    )
    .groupBy(report.id);
  const byAgency = new Map<number, CompletenessRecord[]>();
  for (const { agencyId, keys: withTotal, ...row } of rows) {
    const records = byAgency.get(agencyId) ?? [];
    records.push({ ...row, keysWithTotal: new Set(withTotal) });
    byAgency.set(agencyId, records);
  }
  return byAgency;
}

/** Each agency's periods (completeness-rules.ts), by agency id. */
export async function loadCompleteness(
  db: Executor,
  agencies: readonly AgencyRow[],
  today: string,
): Promise<Map<number, PeriodCompleteness[]>> {
  if (agencies.length === 0) return new Map();
  const [settings, records] = await Promise.all([loadSettings(db, agencies), loadRecords(db, agencies, today)]);
  return new Map(
    agencies.map((agency) => [
      agency.id,
      agencyCompleteness({
        settings: settings.get(agency.id) ?? [],
        isSuperagency: agency.isSuperagency === true,
        records: records.get(agency.id) ?? [],
        today,
      }),
    ]),
  );
}

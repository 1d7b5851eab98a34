/**
 * Writes a generated data set into a fresh, migrated database with COPY: agencies, their metric
 * settings (every metric on, every breakdown member on), records and values. Ids are given
 * explicitly (the database is new), so values stream out without waiting for any insert.
 */
import type { SystemName } from '@jc/catalogue';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../server/src/db/database.ts';
import {
  emptyStoredBreakdown,
  emptyStoredSetting,
} from '../../../server/src/domain/metric-settings/stored-setting-rules.ts';
import { copyLines, copyRows, csvLine, type CsvCell } from './copy.ts';
import { withIndexesDeferred } from './defer-indexes.ts';
import {
  countValues,
  enabledMetrics,
  LAST_YEAR,
  planAgencies,
  planRecords,
  recordValues,
  type DatasetSize,
  type PlannedAgency,
  type PlannedRecord,
} from './dataset.ts';

export interface LoadedDataset {
  size: DatasetSize;
  agencies: PlannedAgency[];
  records: number;
  values: number;
  /** Seconds spent in the COPY of the values (the bulk of the load). */
  valueSeconds: number;
  seconds: number;
  /** Monthly records of the probe jail, oldest first. */
  probeMonthlyRecordIds: number[];
}

const LOADED_AT = `${LAST_YEAR + 1}-01-15T12:00:00Z`;

/** The stored settings document with the metric and every breakdown member switched on. */
export function allOnSetting(metric: ReturnType<typeof enabledMetrics>[number]): string {
  const setting = emptyStoredSetting(metric.key);
  setting.is_metric_enabled = true;
  for (const dimension of metric.dimensions) {
    const breakdown = emptyStoredBreakdown();
    for (const member of dimension.members) breakdown.dimension_to_enabled_status[member.name] = true;
    setting.aggregated_dimensions[dimension.identifier] = breakdown;
  }
  return JSON.stringify(setting);
}

export async function copyAgencies(
  database: Database,
  agencies: readonly {
    id: number;
    name: string;
    system: SystemName;
    superAgencyId?: number;
    isSuperagency?: boolean;
  }[],
): Promise<void> {
  await copyRows(
    database,
    'source',
    ['id', 'name', 'type', 'systems', 'state_code', 'is_superagency', 'super_agency_id', 'created_at'],
    agencies.map((a) => [
      a.id,
      a.name,
      'agency',
      `{${a.system}}`,
      'US_XX',
      a.isSuperagency ?? false,
      a.superAgencyId ?? null,
      LOADED_AT,
    ]),
  );
  const settings = agencies
    .filter((a) => !a.isSuperagency)
    .flatMap((a) =>
      enabledMetrics(a.system).map((metric): CsvCell[] => [
        a.id,
        metric.key,
        allOnSetting(metric),
        LOADED_AT,
        LOADED_AT,
      ]),
    );
  await copyRows(
    database,
    'metric_setting',
    ['agency_id', 'metric_definition_key', 'metric_interface', 'created_at', 'last_updated'],
    settings,
  );
}

function recordRow(record: PlannedRecord): CsvCell[] {
  const { period } = record;
  const status = period.dateRangeStart.startsWith(String(LAST_YEAR)) ? 'DRAFT' : 'PUBLISHED';
  return [
    record.id,
    record.agencyId,
    period.type,
    period.instance,
    status,
    period.dateRangeStart,
    period.dateRangeEnd,
    period.dateRangeStart,
    LOADED_AT,
    false,
  ];
}

/**
 * The values as CSV lines, built by hand because there are millions: only the breakdown's JSON
 * needs quoting (metric keys hold spaces at most), and it is rendered once per member.
 */
function* valueLines(agencies: readonly PlannedAgency[]): Generator<string> {
  const quoted = new Map<Record<string, string>, string>();
  const dimensionCell = (dimension: Record<string, string> | null) => {
    if (!dimension) return '';
    let cell = quoted.get(dimension);
    if (cell === undefined) {
      cell = csvLine([JSON.stringify(dimension)]).slice(0, -1);
      quoted.set(dimension, cell);
    }
    return cell;
  };
  for (const record of planRecords(agencies)) {
    const agency = agencies[record.agencyId - 1]!;
    const common = `${record.period.dateRangeStart},${record.period.dateRangeEnd}`;
    for (const value of recordValues(agency, record)) {
      yield `${record.id},${agency.id},t,${value.metricKey},${common},${dimensionCell(value.dimension)},${value.value},BULK_UPLOAD,${LOADED_AT},${LOADED_AT}\n`;
    }
  }
}

export const VALUE_COLUMNS = [
  'report_id',
  'source_id',
  'is_report_datapoint',
  'metric_definition_key',
  'start_date',
  'end_date',
  'dimension_identifier_to_member',
  'value',
  'upload_method',
  'created_at',
  'last_updated',
];

/** Loads the data set into an empty migrated database. */
export async function loadDataset(database: Database, size: DatasetSize): Promise<LoadedDataset> {
  const started = performance.now();
  const agencies = planAgencies(size);
  await copyAgencies(database, agencies);
  const records = await copyRows(
    database,
    'report',
    [
      'id',
      'source_id',
      'type',
      'instance',
      'status',
      'date_range_start',
      'date_range_end',
      'created_at',
      'last_modified_at',
      'is_recurring',
    ],
    (function* () {
      for (const record of planRecords(agencies)) yield recordRow(record);
    })(),
  );
  const valuesStarted = performance.now();
  const values = await withIndexesDeferred(database, 'datapoint', () =>
    copyLines(database, 'datapoint', VALUE_COLUMNS, valueLines(agencies)),
  );
  const valueSeconds = (performance.now() - valuesStarted) / 1000;
  if (values !== countValues(agencies)) {
    throw new Error(`generator: wrote ${values} values, planned ${countValues(agencies)}`);
  }
  await database.db.execute(sql`select setval('source_id_seq', (select max(id) from source))`);
  await database.db.execute(sql`select setval('report_id_seq', (select max(id) from report))`);
  // Fresh statistics, as autovacuum would gather soon after a real load.
  await database.db.execute(sql`analyze`);
  const probeMonthlyRecordIds = [...planRecords(agencies.slice(0, 1))]
    .filter((r) => r.period.type === 'MONTHLY')
    .map((r) => r.id);
  return {
    size,
    agencies,
    records,
    values,
    valueSeconds,
    seconds: (performance.now() - started) / 1000,
    probeMonthlyRecordIds,
  };
}

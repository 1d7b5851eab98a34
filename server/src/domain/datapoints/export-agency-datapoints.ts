/**
 * Every datapoint of an agency's records, oldest period first, with its record's columns: the
 * operator's full export (`jc export-datapoints`). Recorded as an export security event.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { datapoint, report, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { CsvCell } from '../csv.ts';
import { notFound } from '../errors.ts';
import { recordSecurityEvent } from '../../db/queries/security-events.ts';
import type { ReportRow } from '../../db/queries/reports.ts';

export const DATAPOINT_EXPORT_HEADER = [
  'report_id',
  'report_type',
  'report_instance',
  'report_status',
  'date_range_start',
  'date_range_end',
  'metric_definition_key',
  'dimension_identifier',
  'dimension_member',
  'sub_dimension_name',
  'value',
  'upload_method',
  'last_updated',
] as const;

type ExportRow = { report: ReportRow; datapoint: typeof datapoint.$inferSelect };

function exportCells({ report: r, datapoint: d }: ExportRow): CsvCell[] {
  const members = Object.entries(d.dimensionIdentifierToMember ?? {});
  return [
    r.id,
    r.type,
    r.instance,
    r.status,
    r.dateRangeStart,
    r.dateRangeEnd,
    d.metricDefinitionKey,
    members.map(([identifier]) => identifier).join(';'),
    members.map(([, member]) => member).join(';'),
    d.subDimensionName,
    d.value,
    d.uploadMethod,
    d.lastUpdated?.toISOString(),
  ];
}

/** Only the platform (the CLI as the system) exports whole agencies; the web app uses the feeds. */
export async function exportAgencyDatapoints(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<CsvCell[][]> {
  const [agency] = await db.select({ id: source.id }).from(source).where(eq(source.id, input.agencyId));
  if (!agency || !actor.isPlatformAdmin) throw notFound(`Agency ${input.agencyId}`);
  const rows = await db
    .select({ report, datapoint })
    .from(datapoint)
    .innerJoin(report, eq(datapoint.reportId, report.id))
    .where(eq(report.sourceId, input.agencyId))
    .orderBy(asc(report.dateRangeStart), asc(report.type), asc(report.id), asc(datapoint.id));
  await recordSecurityEvent(db, {
    kind: 'export',
    userId: actor.userId,
    agencyId: input.agencyId,
    details: { what: 'datapoints', rows: rows.length, via: actor.authMethod },
  });
  return rows.map(exportCells);
}

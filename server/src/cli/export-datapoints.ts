import { asc, eq } from 'drizzle-orm';
import { writeFile } from 'node:fs/promises';
import type { Executor } from '../db/database.ts';
import { datapoint, report, source } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { type Command, requiredId, stringOption } from './command.ts';
import { type CsvCell, toCsv } from '../domain/csv.ts';

const HEADER = [
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
];

/** Every datapoint of the agency's reports, oldest period first, with its report's columns. */
async function datapointRows(db: Executor, agencyId: number): Promise<CsvCell[][]> {
  const [agency] = await db.select({ id: source.id }).from(source).where(eq(source.id, agencyId));
  if (!agency) throw notFound(`Agency ${agencyId}`);
  const rows = await db
    .select({ report, datapoint })
    .from(datapoint)
    .innerJoin(report, eq(datapoint.reportId, report.id))
    .where(eq(report.sourceId, agencyId))
    .orderBy(asc(report.dateRangeStart), asc(report.type), asc(report.id), asc(datapoint.id));
  return rows.map(({ report: r, datapoint: d }) => {
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
  });
}

export const exportDatapointsCommand: Command = {
  name: 'export-datapoints',
  summary: "write all of an agency's datapoints, with their report columns, as CSV",
  options: {
    agency: { type: 'string', placeholder: 'ID', description: 'agency id', required: true },
    out: { type: 'string', placeholder: 'FILE', description: 'write to this file instead of standard output' },
  },
  details: `Columns: ${HEADER.join(', ')}.\nA total has empty dimension columns; a breakdown value names its dimension and member.`,
  run: async (values, { io, withDatabase }) => {
    const agencyId = requiredId(values, 'agency');
    const out = stringOption(values, 'out');
    const rows = await withDatabase((database) => datapointRows(database.db, agencyId));
    const csv = toCsv(HEADER, rows);
    if (out === undefined) {
      io.out(csv.trimEnd());
      return;
    }
    await writeFile(out, csv);
    io.out(`Wrote ${rows.length} datapoints of agency ${agencyId} to ${out}.`);
  },
};

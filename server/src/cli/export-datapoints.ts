import { writeFile } from 'node:fs/promises';
import { systemActor } from '../domain/actor.ts';
import { toCsv } from '../domain/csv.ts';
import { DATAPOINT_EXPORT_HEADER, exportAgencyDatapoints } from '../domain/datapoints/export-agency-datapoints.ts';
import { type Command, requiredId, stringOption } from './command.ts';

export const exportDatapointsCommand: Command = {
  name: 'export-datapoints',
  summary: "write all of an agency's datapoints, with their report columns, as CSV",
  options: {
    agency: { type: 'string', placeholder: 'ID', description: 'agency id', required: true },
    out: { type: 'string', placeholder: 'FILE', description: 'write to this file instead of standard output' },
  },
  details: `Columns: ${DATAPOINT_EXPORT_HEADER.join(', ')}.\nA total has empty dimension columns; a breakdown value names its dimension and member.\nEach export is recorded as a security event.`,
  run: async (values, { io, withDatabase }) => {
    const agencyId = requiredId(values, 'agency');
    const out = stringOption(values, 'out');
    const rows = await withDatabase(({ db }) => exportAgencyDatapoints(db, systemActor, { agencyId }));
    const csv = toCsv(DATAPOINT_EXPORT_HEADER, rows);
    if (out === undefined) {
      io.out(csv.trimEnd());
      return;
    }
    await writeFile(out, csv);
    io.out(`Wrote ${rows.length} datapoints of agency ${agencyId} to ${out}.`);
  },
};

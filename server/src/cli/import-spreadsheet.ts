/**
 * `jc import`: loads a bulk-upload workbook or CSV for an agency, as the system (for administrators
 * loading history), with the same checks, errors and warnings as the upload page. `--dry-run`
 * checks the file and reports what it would save, writing nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../db/database.ts';
import { systemActor } from '../domain/actor.ts';
import type { UploadMessage } from '../domain/uploads/upload-messages.ts';
import { findUploadSystems, prepareUpload, uploadSpreadsheet } from '../domain/uploads/upload-spreadsheet.ts';
import { type Command, type CommandContext, requiredId, stringOption, UsageError } from './command.ts';
import { progressPrinter } from './progress-bar.ts';

function describe(message: UploadMessage): string {
  const where = [message.metricKey, message.sheetName].filter(Boolean).join(', ');
  return `${message.type} ${message.title}${where ? ` (${where})` : ''}: ${message.description}`;
}

function report(io: CommandContext['io'], messages: readonly UploadMessage[], saved: string): void {
  for (const message of messages) io.out(describe(message));
  const errors = messages.filter((m) => m.type === 'ERROR').length;
  io.out(`${saved}; ${errors} error(s), ${messages.length - errors} warning(s).`);
}

/** The sector to use when none is given: the agency's only one. */
async function onlySystem(db: Executor, agencyId: number): Promise<string> {
  const systems = await findUploadSystems(db, systemActor, agencyId);
  if (systems.length === 1 && systems[0]) return systems[0];
  throw new UsageError(`agency ${agencyId} reports for ${systems.join(', ') || 'no sector'}; choose one with --system`);
}

export const importSpreadsheetCommand: Command = {
  name: 'import',
  summary: 'load a bulk-upload workbook (.xlsx) or CSV file into an agency',
  options: {
    file: { type: 'string', placeholder: 'FILE', description: 'the .xlsx or .csv file', required: true },
    agency: { type: 'string', placeholder: 'ID', description: 'agency id', required: true },
    system: {
      type: 'string',
      placeholder: 'SECTOR',
      description: "the sector, e.g. PRISONS (default: the agency's only one)",
    },
    'dry-run': { type: 'boolean', description: 'check the file and report, without saving anything' },
  },
  details: 'Uploads made here count as automatic uploads: published records stay published.',
  run: async (values, { io, clock, config, withDatabase }) => {
    const file = stringOption(values, 'file') ?? '';
    const agencyId = requiredId(values, 'agency');
    const content = await readFile(file);
    await withDatabase(async ({ db }) => {
      const system = stringOption(values, 'system') ?? (await onlySystem(db, agencyId));
      io.out(`[1/3] Read ${path.basename(file)} (${content.length.toLocaleString('en-US')} bytes) for ${system}.`);
      const onProgress = progressPrinter((line) => io.out(line));
      const fileName = path.basename(file);
      const input = { agencyId, system, fileName, content, checks: config.publishChecks, now: clock.now(), onProgress };
      if (values['dry-run']) {
        const prepared = await prepareUpload(db, systemActor, input);
        io.out('[2/3] Checked every sheet and row.');
        report(
          io,
          prepared.messages,
          `[3/3] Dry run: ${prepared.planned.length} values would be saved, nothing was written`,
        );
        return;
      }
      io.out('[2/3] Checking and saving in one transaction…');
      const result = await uploadSpreadsheet(db, systemActor, input);
      const messages = [...result.metrics.flatMap((m) => m.messages), ...result.nonMetricMessages];
      const count = result.metrics.reduce((n, m) => n + m.datapoints.length, 0);
      report(
        io,
        messages,
        `[3/3] Saved ${count} values in ${result.newReports.length} new and ${result.updatedReports.length} changed records (upload ${result.spreadsheetId})`,
      );
    });
  },
};

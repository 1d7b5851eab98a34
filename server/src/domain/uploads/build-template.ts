/**
 * `GET /api/template/:agencyId/:system`: an .xlsx upload template for one of the agency's sectors,
 * for members of the agency only (the reference served any agency's configuration to anyone):
 * an instructions sheet, then the data sheets.
 */
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { instructionsSheet, type InstructionsSheet } from './template-instructions.ts';
import { templateSheets, type TemplateOptions, type TemplateSheet } from './template-rows.ts';
import { loadUploadContext } from './load-upload-context.ts';
import { checkUploadSystem } from './upload-spreadsheet.ts';

export interface BuildTemplateInput extends TemplateOptions {
  agencyId: number;
  system: string;
  now: Date;
}

export interface TemplateFile {
  fileName: string;
  content: Buffer;
}

const MIN_WIDTH = 8;

function addSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow(sheet.header).font = { bold: true };
  worksheet.addRows(sheet.rows);
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.header.forEach((title, index) => {
    const longest = Math.max(title.length, ...sheet.rows.map((row) => String(row[index] ?? '').length));
    worksheet.getColumn(index + 1).width = Math.max(MIN_WIDTH, longest + 2);
  });
}

/** The instructions sheet: plain text down column A, a second column for the metric lists. */
function addInstructions(workbook: ExcelJS.Workbook, sheet: InstructionsSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRows(sheet.rows);
  worksheet.getColumn(1).width = 60;
  worksheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  worksheet.getColumn(2).width = 60;
  worksheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  worksheet.getRow(1).font = { bold: true, size: 14 };
  sheet.rows.forEach((row, index) => {
    if (row.length === 2 && (row[1] === 'Sheets' || row[1] === 'Why')) {
      worksheet.getRow(index + 1).font = { bold: true };
    }
  });
}

export async function buildTemplate(db: Executor, actor: Actor, input: BuildTemplateInput): Promise<TemplateFile> {
  const agency = await getAgencyForAction(db, actor, 'uploads.view', input.agencyId);
  const system = checkUploadSystem(agency, input.system);
  const context = await loadUploadContext(db, { agency, system, fileKind: 'xlsx', now: input.now });
  const workbook = new ExcelJS.Workbook();
  workbook.created = input.now;
  addInstructions(workbook, instructionsSheet(context, input, input.now));
  for (const sheet of templateSheets(context, input)) addSheet(workbook, sheet);
  return { fileName: `${system}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * Reads an .xlsx workbook with ExcelJS's streaming reader, after the container passed the zip
 * checks, keeping only plain cell values. Rows are counted as they stream so an oversized sheet
 * stops the read early.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../errors.ts';
import {
  boundedCells,
  plainCell,
  RowBudget,
  SheetBudget,
  sheetFromRows,
  tooLarge,
  type Cell,
  type RawRow,
  type RawSheet,
  type ReadListener,
} from './raw-upload.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { checkedXlsxContainer, readCentralDirectory } from './zip-inspection.ts';

type ExcelValue = ExcelJS.CellValue | undefined;

/** A worksheet's part inside the .xlsx container. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Formulas give their result, rich text and links their text, dates their ISO day. */
function cellFromExcel(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return plainCell(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return plainCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellFromExcel(value.result as ExcelValue);
  if ('hyperlink' in value) return plainCell(String(value.text));
  if ('error' in value) return plainCell(value.error);
  return null;
}

/** The share of the workbook read so far, counted in whole sheets (the steps its progress is told in). */
type SheetShare = () => number;

async function readWorksheet(
  worksheet: ExcelJS.stream.xlsx.WorksheetReader,
  budget: RowBudget,
  shareRead: SheetShare,
): Promise<RawSheet> {
  const name = (worksheet as unknown as { name: string }).name;
  const rows: RawRow[] = [];
  const held = new SheetBudget(name);
  for await (const row of worksheet) {
    const values = Array.isArray(row.values) ? (row.values as ExcelValue[]) : [];
    const cells = boundedCells(name, row.number, Array.from(values.slice(1), cellFromExcel));
    if (cells.every((cell) => cell === null)) continue;
    if (rows.length > 0) budget.take(shareRead);
    held.keep(cells);
    rows.push({ rowNumber: row.number, cells });
  }
  return sheetFromRows(name, rows);
}

/**
 * The workbook's sheets, one at a time as the reader reaches them. A file that cannot be read, or
 * breaks a limit, throws while it is being iterated, before the upload writes anything.
 */
export async function* readXlsx(content: Buffer, onRead?: ReadListener): AsyncGenerator<RawSheet> {
  const container = await checkedXlsxContainer(content);
  const sheetCount = Math.max(1, readCentralDirectory(container).filter((entry) => WORKSHEET.test(entry.name)).length);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([container]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  const budget = new RowBudget(onRead);
  const shareRead = () => Math.min(1, sheets / sheetCount);
  try {
    for await (const worksheet of reader) {
      if (sheets >= UPLOAD_LIMITS.maxSheets) {
        throw tooLarge(`the workbook has more than ${UPLOAD_LIMITS.maxSheets} sheets.`);
      }
      const sheet = await readWorksheet(worksheet, budget, shareRead);
      sheets += 1;
      budget.report(shareRead());
      yield sheet;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'invalid_input',
      'file: the workbook could not be read; open it in Excel, save it as .xlsx and upload it again.',
    );
  }
  if (sheets === 0) {
    throw new DomainError(
      'invalid_input',
      'file: the workbook has no sheets that can be read; save it from Excel as .xlsx and upload it again.',
    );
  }
}

/**
 * Reads an .xlsx workbook with our own streaming reader over the zip entries (xlsx-parts.ts), after
 * the container passed the zip checks, keeping only plain cell values. Rows are counted as they
 * stream so an oversized sheet stops the read early.
 */
import { DomainError } from '../errors.ts';
import {
  boundedCells,
  RowBudget,
  SheetBudget,
  sheetFromRows,
  tooLarge,
  type RawRow,
  type RawSheet,
  type ReadListener,
} from './raw-upload.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { XlsxParts, type WorkbookSheet } from './xlsx-parts.ts';
import { SheetRows, type SharedStrings } from './xlsx-sheet.ts';
import { checkedXlsxContainer } from './zip-inspection.ts';

/** The share of the workbook read so far, counted in whole sheets (the steps its progress is told in). */
type SheetShare = () => number;

async function readWorksheet(
  parts: XlsxParts,
  sheet: WorkbookSheet,
  shared: SharedStrings,
  budget: RowBudget,
  shareRead: SheetShare,
): Promise<RawSheet> {
  const rows: RawRow[] = [];
  const held = new SheetBudget(sheet.name);
  const onRow = (rowNumber: number, row: RawRow['cells']) => {
    const cells = boundedCells(sheet.name, rowNumber, row);
    if (cells.every((cell) => cell === null)) return;
    if (rows.length > 0) budget.take(shareRead);
    held.keep(cells);
    rows.push({ rowNumber, cells });
  };
  await parts.scan(sheet.part, new SheetRows(shared, onRow));
  return sheetFromRows(sheet.name, rows);
}

/**
 * The workbook's sheets, one at a time as the reader reaches them. A file that cannot be read, or
 * breaks a limit, throws while it is being iterated, before the upload writes anything.
 */
export async function* readXlsx(content: Buffer, onRead?: ReadListener): AsyncGenerator<RawSheet> {
  const parts = new XlsxParts(await checkedXlsxContainer(content));
  let sheets = 0;
  const budget = new RowBudget(onRead);
  try {
    const workbookSheets = await parts.sheets();
    const shared = await parts.sharedStrings();
    const shareRead = () => Math.min(1, sheets / Math.max(1, workbookSheets.length));
    for (const sheet of workbookSheets) {
      if (sheets >= UPLOAD_LIMITS.maxSheets) {
        throw tooLarge(`the workbook has more than ${UPLOAD_LIMITS.maxSheets} sheets.`);
      }
      const read = await readWorksheet(parts, sheet, shared, budget, shareRead);
      sheets += 1;
      budget.report(shareRead());
      yield read;
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

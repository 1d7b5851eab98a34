/**
 * An uploaded file as read, before any interpretation: sheets of header texts and data rows of
 * plain cells. Readers share the limits on rows, columns and cell size through a RowBudget.
 */
import { DomainError, invalid } from '../errors.ts';
import { isPlainText } from '../../contract/common.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';

export type UploadFileKind = 'xlsx' | 'csv';

export type Cell = string | number | null;

export interface RawRow {
  /** The row number people see in Excel (1 = the first row of the sheet). */
  rowNumber: number;
  cells: Cell[];
}

export interface RawSheet {
  /** The sheet name, or for a CSV upload the file name. */
  name: string;
  headers: string[];
  rows: RawRow[];
}

export interface RawUpload {
  kind: UploadFileKind;
  /** Read one at a time as they are checked, so a big workbook's raw rows are never all in memory. */
  sheets: AsyncIterable<RawSheet> | readonly RawSheet[];
}

export const tooLarge = (why: string) => new DomainError('payload_too_large', `file: ${why}`);

/** A file over the upload size limit, wherever it came from. */
export const fileTooLarge = () =>
  tooLarge(`larger than ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB; split it into several uploads.`);

/**
 * Told how far reading has got: data rows so far and the share of the file read (0 to 1). Called
 * every few thousand rows and at the end of every sheet, so a listener may write it somewhere.
 */
export type ReadListener = (rowsRead: number, shareRead: number) => void;

/** Rows between two calls of a ReadListener. */
const ROWS_PER_REPORT = 5_000;

/** Counts rows over the whole file and refuses the file once it holds more than the limit. */
export class RowBudget {
  private used = 0;

  constructor(private readonly onRead: ReadListener = () => {}) {}

  /** Counts a data row; `shareRead` says how much of the file has been read by now. */
  take(shareRead: () => number): void {
    this.used += 1;
    if (this.used % ROWS_PER_REPORT === 0) this.onRead(this.used, shareRead());
    if (this.used > UPLOAD_LIMITS.maxRows) {
      throw tooLarge(
        `the file has more than ${UPLOAD_LIMITS.maxRows.toLocaleString('en-US')} data rows; split it into several uploads.`,
      );
    }
  }

  /** Tells the listener where reading stands, e.g. at the end of a sheet. */
  report(shareRead: number): void {
    this.onRead(this.used, shareRead);
  }
}

/** Text with a character beyond Latin-1, which V8 stores at two bytes a character. */
const WIDE_TEXT = /[\u0100-\uffff]/;

/**
 * Roughly what a kept cell costs in memory: its slot in the row, a number's box unless it is a
 * small integer, a text's header and characters.
 */
function cellBytes(cell: Cell): number {
  if (cell === null) return 8;
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) < 2 ** 30 ? 8 : 24;
  return 24 + (WIDE_TEXT.test(cell) ? 2 : 1) * cell.length;
}
/** A kept row's own object and array. */
const ROW_BYTES = 64;

/**
 * Counts the memory one sheet's kept rows take while the sheet is read and checked, and refuses
 * the file once they would take more than the limit: a sheet is held whole until it is checked.
 */
export class SheetBudget {
  private used = 0;

  constructor(private readonly sheet: string) {}

  keep(cells: readonly Cell[]): void {
    this.used += cells.reduce<number>((sum, cell) => sum + cellBytes(cell), ROW_BYTES);
    if (this.used > UPLOAD_LIMITS.maxSheetCellBytes) {
      const limit = Math.round(UPLOAD_LIMITS.maxSheetCellBytes / 1024 / 1024);
      throw tooLarge(
        `sheet "${this.sheet}" is too large to check at once: its cells hold more than ${limit} MB. Split its rows into several files.`,
      );
    }
  }
}

/** A cell's text or number, trimmed, with blank text as null and over-long text cut short. */
export function plainCell(value: string | number | null | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  const text = value.trim();
  if (text === '') return null;
  return text.length > UPLOAD_LIMITS.maxCellChars ? text.slice(0, UPLOAD_LIMITS.maxCellChars) : text;
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
function columnLetters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : columnLetters(Math.floor(index / 26) - 1) + letter;
}

/** A control character (a NUL, say) in a sheet name or cell refuses the whole file: it could not be stored. */
function assertPlainText(sheet: string, rowNumber: number, cells: readonly Cell[]): void {
  const fix = 'remove the control characters (only tabs and line breaks are allowed) and upload it again';
  if (!isPlainText(sheet)) throw invalid('file', `a sheet name contains control characters; ${fix}.`);
  const column = cells.findIndex((cell) => typeof cell === 'string' && !isPlainText(cell));
  if (column >= 0) {
    throw invalid('file', `sheet "${sheet}", row ${rowNumber}, column ${columnLetters(column)}: ${fix}.`);
  }
}

/**
 * Reads a header or data row into at most maxColumns cells; anything further out, or a control
 * character anywhere, refuses the file.
 */
export function boundedCells(sheet: string, rowNumber: number, cells: readonly Cell[]): Cell[] {
  const wide = cells.length > UPLOAD_LIMITS.maxColumns;
  if (wide && cells.slice(UPLOAD_LIMITS.maxColumns).some((cell) => cell !== null)) {
    throw tooLarge(
      `sheet "${sheet}", row ${rowNumber}: data beyond column ${UPLOAD_LIMITS.maxColumns}; at most ${UPLOAD_LIMITS.maxColumns} columns are read.`,
    );
  }
  assertPlainText(sheet, rowNumber, cells);
  // A copy even when the row fits: it is exactly as long as the row, while the array a reader
  // built may have room to spare, and the row is kept until its sheet is checked.
  return cells.slice(0, UPLOAD_LIMITS.maxColumns);
}

/** Turns the first non-blank row into headers and the rest into data rows. */
export function sheetFromRows(name: string, rows: RawRow[]): RawSheet {
  const [header, ...data] = rows;
  if (!header) return { name, headers: [], rows: [] };
  return { name, headers: header.cells.map((cell) => (cell === null ? '' : String(cell))), rows: data };
}

/**
 * An uploaded file as read, before any interpretation: sheets of header texts and data rows of
 * plain cells. Readers share the limits on rows, columns and cell size through a RowBudget.
 */
import { DomainError } from '../errors.ts';
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

/** Counts rows over the whole file and refuses the file once it holds more than the limit. */
export class RowBudget {
  private used = 0;

  take(): void {
    this.used += 1;
    if (this.used > UPLOAD_LIMITS.maxRows) {
      throw tooLarge(
        `the file has more than ${UPLOAD_LIMITS.maxRows.toLocaleString('en-US')} data rows; split it into several uploads.`,
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

/** Reads a header or data row into at most maxColumns cells; anything further out refuses the file. */
export function boundedCells(sheet: string, rowNumber: number, cells: readonly Cell[]): Cell[] {
  const extra = cells.slice(UPLOAD_LIMITS.maxColumns);
  if (extra.some((cell) => cell !== null)) {
    throw tooLarge(
      `sheet "${sheet}", row ${rowNumber}: data beyond column ${UPLOAD_LIMITS.maxColumns}; at most ${UPLOAD_LIMITS.maxColumns} columns are read.`,
    );
  }
  return cells.slice(0, UPLOAD_LIMITS.maxColumns);
}

/** Turns the first non-blank row into headers and the rest into data rows. */
export function sheetFromRows(name: string, rows: RawRow[]): RawSheet {
  const [header, ...data] = rows;
  if (!header) return { name, headers: [], rows: [] };
  return { name, headers: header.cells.map((cell) => (cell === null ? '' : String(cell))), rows: data };
}

/** Reads one CSV file (one metric, named by the file) with csv-parse, row by row. */
import { Readable } from 'node:stream';
import { Parser } from 'csv-parse';
import { DomainError } from '../errors.ts';
import {
  boundedCells,
  plainCell,
  RowBudget,
  SheetBudget,
  sheetFromRows,
  type RawRow,
  type RawSheet,
  type ReadListener,
} from './raw-upload.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';

/** Sheet names in Excel, and so CSV names in the reference, are at most 31 characters. */
const SHEET_NAME_CHARS = 31;

/** A record and where csv-parse was when it ended it: the line it ends on, and the bytes read so far. */
interface PlacedRecord {
  record: string[];
  lines: number;
  bytes: number;
}

/**
 * A parser whose records say where they end. csv-parse's own `info` option copies its whole state
 * into two new objects a record (a third of its time on a 200,000-row file); only the line and the
 * bytes read are needed, and the parser's live `info` holds them while it hands over the record.
 */
class PlacingParser extends Parser {
  override push(record: string[] | null): boolean {
    return super.push(record === null ? null : { record, lines: this.info.lines, bytes: this.info.bytes });
  }
}

const unreadable = (why: string) => new DomainError('invalid_input', `file: ${why}`);

/**
 * The file in slices: csv-parse turns each chunk it is given into records all at once, so the
 * whole file as one chunk would put every row in memory twice before the first is counted.
 */
function* slices(content: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let start = 0; start < content.length; start += size) yield content.subarray(start, start + size);
}

export async function readCsv(fileName: string, content: Buffer, onRead?: ReadListener): Promise<RawSheet> {
  if (content.subarray(0, 8192).includes(0)) {
    throw unreadable('this is not a text CSV file; export the sheet as CSV (UTF-8) or upload the .xlsx workbook.');
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.csv$/i, '').slice(0, SHEET_NAME_CHARS);
  const parser = Readable.from(slices(content)).pipe(
    new PlacingParser({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: UPLOAD_LIMITS.maxCellChars * UPLOAD_LIMITS.maxColumns,
    }),
  );
  const rows: RawRow[] = [];
  const budget = new RowBudget(onRead);
  const held = new SheetBudget(name);
  try {
    for await (const { record, lines, bytes } of parser as AsyncIterable<PlacedRecord>) {
      const cells = boundedCells(name, lines, record.map(plainCell));
      if (cells.every((cell) => cell === null)) continue;
      if (rows.length > 0) budget.take(() => bytes / content.length);
      held.keep(cells);
      rows.push({ rowNumber: lines, cells });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(`the CSV file could not be read (${(error as Error).message}).`);
  }
  budget.report(1);
  return sheetFromRows(name, rows);
}

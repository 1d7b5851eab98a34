/**
 * The rows of one worksheet part as the XML scanner reads it: each row's cells become plain cells
 * as soon as the row ends, with no object kept per cell. Values follow what ExcelJS's reader gave
 * before (styles are not read, so a date is its serial number; a row holds cells up to its last
 * one that has a value).
 */
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { plainCell, type Cell } from './raw-upload.ts';
import { attribute, MalformedXml, type XmlHandler } from './xml-scanner.ts';

/** The texts cells of type `s` point at: undefined for an item with no text at all. */
export type SharedStrings = readonly (Cell | undefined)[];

/** Where columns beyond the limit are gathered: one slot past it, non-blank if any of them is. */
const BEYOND = UPLOAD_LIMITS.maxColumns;
const MAX_ROW = 1_048_576;

/** A cell reference's column, 1 for A; the row part is not needed (the row element has it). */
function columnOf(reference: string): number {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at += 1) {
    const code = reference.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  if (at === 0) throw new MalformedXml(`a bad cell reference "${reference}"`);
  return column;
}

/** A cell's value by its type, or undefined when it has none (as an empty cell). */
function cellValue(type: string | undefined, text: string, shared: SharedStrings): Cell | undefined {
  switch (type) {
    case 's':
      return shared[parseInt(text, 10)];
    case 'str':
    case 'inlineStr':
    case 'e':
      return plainCell(text);
    case 'b':
      return parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
    default:
      return plainCell(parseFloat(text));
  }
}

export type RowListener = (rowNumber: number, cells: Cell[]) => void;

export class SheetRows implements XmlHandler {
  wantsText = false;
  private rowNumber = 0;
  private cells: Cell[] | null = null;
  private column = 0;
  private type: string | undefined;
  /** The text of the current cell's value so far. */
  private collected = '';
  /** A value (`<v>` or `<is>`) or formula was seen in the current cell. */
  private valued = false;
  private formula = false;
  private inline = false;
  private phonetic = false;

  constructor(
    private readonly shared: SharedStrings,
    private readonly onRow: RowListener,
  ) {}

  open(name: string, tag: string): void {
    if (name === 'row') this.startRow(attribute(tag, 'r'));
    else if (this.cells === null) return;
    else if (name === 'c') this.startCell(attribute(tag, 'r'), attribute(tag, 't'));
    else if (name === 'v') this.startValue(true);
    else if (name === 'is') this.startValue((this.inline = true));
    else if (name === 't') this.wantsText = this.inline && !this.phonetic;
    else if (name === 'rPh') this.phonetic = true;
    else if (name === 'f') this.formula = true;
  }

  close(name: string): void {
    if (name === 'v' || name === 't') this.wantsText = false;
    else if (name === 'is') this.inline = false;
    else if (name === 'rPh') this.phonetic = false;
    else if (name === 'c' && this.cells !== null) this.endCell(this.cells);
    else if (name === 'row' && this.cells !== null) this.endRow(this.cells);
  }

  text(text: string): void {
    this.collected += text;
  }

  /** Rows and cells without a reference follow the one before. */
  private startRow(reference: string | undefined): void {
    const number = reference === undefined ? this.rowNumber + 1 : Number(reference);
    if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) {
      throw new MalformedXml(`a bad row number "${reference}"`);
    }
    this.rowNumber = number;
    this.cells = [];
    this.column = 0;
  }

  private startCell(reference: string | undefined, type: string | undefined): void {
    this.column = reference === undefined ? this.column + 1 : columnOf(reference);
    this.type = type;
    this.collected = '';
    this.valued = false;
    this.formula = false;
  }

  /** Only the last value element counts, as in ExcelJS. */
  private startValue(wanted: boolean): void {
    this.wantsText = wanted;
    this.valued = true;
    this.collected = '';
  }

  private endCell(cells: Cell[]): void {
    this.wantsText = false;
    const value = this.valued ? cellValue(this.type, this.collected, this.shared) : this.formula ? null : undefined;
    if (value === undefined) return;
    const index = Math.min(this.column, BEYOND + 1) - 1;
    while (cells.length <= index) cells.push(null);
    if (index < BEYOND || cells[index] === null) cells[index] = value;
  }

  private endRow(cells: Cell[]): void {
    this.cells = null;
    this.onRow(this.rowNumber, cells);
  }
}

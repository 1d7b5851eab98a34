/**
 * The checked rows of an upload, kept from their sheet's reading until the values are planned (a
 * breakdown is compared with its total across sheets). They are packed in columns like
 * PlannedValues: six integers and the value a row, with the few distinct sheets, metric sheets,
 * members and periods in small tables, about 32 bytes a row instead of an object of about 100.
 * A row becomes an UploadRow again only while it is read.
 */
import type { MemberDef } from '@jc/catalogue';
import type { MetricFile } from './metric-files.ts';
import { Table } from './lookup-table.ts';
import type { Period, UploadRow } from './upload-row.ts';

type Sheet = Pick<UploadRow, 'sheetName' | 'singlePage'>;

/** The integers of a row, in this order. */
const SHEET = 0;
const ROW_NUMBER = 1;
const FILE = 2;
/** Index into the agencies. */
const AGENCY = 3;
/** Index into the members, or -1 for a total. */
const MEMBER = 4;
const PERIOD = 5;
const FIELDS = 6;

const FIRST_CAPACITY = 1024;

export class CheckedRows implements Iterable<UploadRow> {
  private count = 0;
  private fields = new Int32Array(FIRST_CAPACITY * FIELDS);
  private values = new Float64Array(FIRST_CAPACITY);
  private readonly sheets = new Table<Sheet>();
  private readonly files = new Table<MetricFile>();
  private readonly agencies = new Table<number>();
  private readonly members = new Table<MemberDef>();
  private readonly periods = new Table<Period>();

  get length(): number {
    return this.count;
  }

  push(row: UploadRow): void {
    if (this.count === this.values.length) this.grow();
    const at = this.count * FIELDS;
    const { sheetName, singlePage, file, member, period } = row;
    this.fields[at + SHEET] = this.sheets.indexOfPair(singlePage, sheetName, () => ({ sheetName, singlePage }));
    this.fields[at + ROW_NUMBER] = row.rowNumber;
    // A sub-system's copy of a metric sheet is a new object each row: its names say which it is.
    this.fields[at + FILE] = this.files.indexOfPair(file.sheetName, file.metric.key, () => file);
    this.fields[at + AGENCY] = this.agencies.index(row.agencyId, () => row.agencyId);
    this.fields[at + MEMBER] = member === null ? -1 : this.members.index(member, () => member);
    this.fields[at + PERIOD] = this.periods.index(period, () => period);
    this.values[this.count] = row.value;
    this.count += 1;
  }

  at(index: number): UploadRow {
    const at = index * FIELDS;
    const { sheetName, singlePage } = this.sheets.items[this.fields[at + SHEET]!]!;
    const member = this.fields[at + MEMBER]!;
    // Every field named here, not spread from the sheet: an object built by spreading and adding
    // fields is slower to make and read, and this runs several times a row.
    return {
      sheetName,
      rowNumber: this.fields[at + ROW_NUMBER]!,
      singlePage,
      file: this.files.items[this.fields[at + FILE]!]!,
      agencyId: this.agencies.items[this.fields[at + AGENCY]!]!,
      member: member < 0 ? null : this.members.items[member]!,
      period: this.periods.items[this.fields[at + PERIOD]!]!,
      value: this.values[index]!,
    };
  }

  /**
   * The planner's view of a row, without making an UploadRow: its metric sheet (an index into
   * `fileList`, one for each sheet name and metric), agency (its id, or a dense index, first seen
   * first), member (an index into `memberList`, or -1 for a total), period (an index into
   * `periodList`) and value.
   */
  fileIndex(index: number): number {
    return this.fields[index * FIELDS + FILE]!;
  }

  agencyIndex(index: number): number {
    return this.fields[index * FIELDS + AGENCY]!;
  }

  agencyId(index: number): number {
    return this.agencies.items[this.agencyIndex(index)]!;
  }

  memberIndex(index: number): number {
    return this.fields[index * FIELDS + MEMBER]!;
  }

  periodIndex(index: number): number {
    return this.fields[index * FIELDS + PERIOD]!;
  }

  value(index: number): number {
    return this.values[index]!;
  }

  get fileList(): readonly MetricFile[] {
    return this.files.items;
  }

  get memberList(): readonly MemberDef[] {
    return this.members.items;
  }

  get periodList(): readonly Period[] {
    return this.periods.items;
  }

  /** Forgets the rows from `length` on, e.g. those of a sheet that could not be read to its end. */
  truncate(length: number): void {
    this.count = Math.min(this.count, length);
  }

  *[Symbol.iterator](): Iterator<UploadRow> {
    for (let index = 0; index < this.count; index += 1) yield this.at(index);
  }

  private grow(): void {
    const fields = new Int32Array(this.fields.length * 2);
    fields.set(this.fields);
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    [this.fields, this.values] = [fields, values];
  }
}

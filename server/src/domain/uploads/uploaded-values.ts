/**
 * The values an upload wrote, as its result lists them, kept in columns beside the planned values
 * they came from: an `UploadedValue` tuple a value would take about 100 bytes, held for the whole
 * answer, where these take about 16. A metric's list makes its tuples a slice at a time, as the
 * answer and the stored result are written.
 */
import { LazyList } from '../../lib/lazy-list.ts';
import { readStoredValue } from '../datapoints/datapoint-rules.ts';
import type { MergedValue } from './merge-upload-values.ts';
import type { BreakdownMember, PlannedValues } from './planned-values.ts';
import type { StoredValue } from './stored-upload-result.ts';
import type { UploadedValue } from './upload-result.ts';

/** What the merge told of every value, by its position among the planned values. */
export class MergedColumns {
  private readonly datapointId: Int32Array;
  /** The number a changed value replaced; NaN where there was none (new, unchanged, or empty). */
  private readonly oldNumber: Float64Array;
  /** The text a changed value replaced where it was not a number. */
  private readonly oldText = new Map<number, string>();

  constructor(
    private readonly planned: PlannedValues,
    private readonly reportIds: Int32Array,
  ) {
    this.datapointId = new Int32Array(planned.length);
    this.oldNumber = new Float64Array(planned.length).fill(NaN);
  }

  record(merged: MergedValue): void {
    const { ord } = merged;
    this.datapointId[ord] = merged.datapointId;
    if (!merged.written || merged.inserted) return;
    const old = readStoredValue(merged.oldValue);
    if (typeof old === 'number') this.oldNumber[ord] = old;
    else if (old !== null) this.oldText.set(ord, old);
  }

  /** The value at `ord` as the spreadsheet record keeps it: its breakdown is its place in `breakdowns`. */
  storedTuple(ord: number): StoredValue {
    const oldNumber = this.oldNumber[ord]!;
    const { columns } = this.planned;
    return [
      this.datapointId[ord]!,
      this.reportIds[ord]!,
      columns.breakdown[ord]!,
      columns.value[ord]!,
      Number.isNaN(oldNumber) ? (this.oldText.get(ord) ?? null) : oldNumber,
    ];
  }

  /** The breakdown members `storedTuple` points at. */
  get breakdowns(): readonly BreakdownMember[] {
    return this.planned.columns.breakdowns;
  }

  /**
   * The tuple of the value at `ord`. Its value is the planned one: a value the datapoint already
   * held reads as the same number (that is how the merge found it unchanged).
   */
  tuple(ord: number): UploadedValue {
    const [id, reportId, breakdown, value, oldValue] = this.storedTuple(ord);
    const member = this.breakdowns[breakdown];
    return [id, reportId, member?.identifier ?? null, member?.member ?? null, value, oldValue];
  }
}

/** A metric's values, in the order of the file: positions into the merged columns. */
export class UploadedValueList extends LazyList<UploadedValue> {
  constructor(
    private readonly merged: MergedColumns,
    private readonly ords: Int32Array,
  ) {
    super();
  }

  get length(): number {
    return this.ords.length;
  }

  slice(start = 0, end = this.length): UploadedValue[] {
    return Array.from(this.ords.subarray(start, end), (ord) => this.merged.tuple(ord));
  }

  /** The same values as the spreadsheet record keeps them. */
  stored(): LazyList<StoredValue> {
    return new StoredTuples(this.merged, this.ords);
  }
}

class StoredTuples extends LazyList<StoredValue> {
  constructor(
    private readonly merged: MergedColumns,
    private readonly ords: Int32Array,
  ) {
    super();
  }

  get length(): number {
    return this.ords.length;
  }

  slice(start = 0, end = this.length): StoredValue[] {
    return Array.from(this.ords.subarray(start, end), (ord) => this.merged.storedTuple(ord));
  }
}

/**
 * The values an upload wrote, as its result lists them, kept in columns beside the planned values
 * they came from: an `UploadedValue` tuple a value would take about 100 bytes, held for the whole
 * answer, where these take about 16. A metric's list makes its tuples a slice at a time, as the
 * answer and the stored result are written.
 */
import { LazyList } from '../../lib/lazy-list.ts';
import { readStoredValue } from '../datapoints/datapoint-rules.ts';
import type { MergedValue } from './merge-upload-values.ts';
import type { PlannedValues } from './planned-values.ts';
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

  /**
   * The tuple of the value at `ord`. Its value is the planned one: a value the datapoint already
   * held reads as the same number (that is how the merge found it unchanged).
   */
  tuple(ord: number): UploadedValue {
    const { columns } = this.planned;
    const breakdown = columns.breakdowns[columns.breakdown[ord]!];
    const oldNumber = this.oldNumber[ord]!;
    return [
      this.datapointId[ord]!,
      this.reportIds[ord]!,
      breakdown?.identifier ?? null,
      breakdown?.member ?? null,
      columns.value[ord]!,
      Number.isNaN(oldNumber) ? (this.oldText.get(ord) ?? null) : oldNumber,
    ];
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
}

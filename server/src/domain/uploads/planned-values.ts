/**
 * The values an upload will write, packed in columns: one typed array per field, and the few
 * distinct periods, metrics and breakdown members in small tables the columns point into. A value
 * costs about 25 bytes instead of an object of its own, and the arrays move from the worker thread
 * that checked the file to the main thread without being copied.
 */
import type { PlannedSequence } from './plan-upload.ts';
import { Table } from './lookup-table.ts';
import type { Period } from './upload-row.ts';

/** A breakdown member as the datapoint writer names it. */
export interface BreakdownMember {
  identifier: string;
  member: string;
}

/** One planned value as the write needs it. */
export interface ValueToWrite {
  agencyId: number;
  /** Values of one period share one Period object. */
  period: Period;
  metricKey: string;
  /** Null for a total. */
  breakdown: BreakdownMember | null;
  value: number;
  /** An inferred total is written only where the database holds no total yet. */
  onlyIfEmpty: boolean;
}

/** The packed form, as it crosses between threads (structured clone keeps the tables' sharing). */
export interface PlannedColumns {
  periods: Period[];
  metricKeys: string[];
  breakdowns: BreakdownMember[];
  agencyId: Int32Array;
  period: Uint32Array;
  metric: Uint32Array;
  /** Index into `breakdowns`, or -1 for a total. */
  breakdown: Int32Array;
  value: Float64Array;
  onlyIfEmpty: Uint8Array;
}

export class PlannedValues implements Iterable<ValueToWrite> {
  constructor(readonly columns: PlannedColumns) {}

  /** Packs the values (an array of them will do) as they are read, one at a time. */
  static pack(values: PlannedSequence): PlannedValues {
    const count = values.length;
    const periods = new Table<Period>();
    const metrics = new Table<string>();
    const breakdowns = new Table<BreakdownMember>();
    const columns: PlannedColumns = {
      periods: periods.items,
      metricKeys: metrics.items,
      breakdowns: breakdowns.items,
      agencyId: new Int32Array(count),
      period: new Uint32Array(count),
      metric: new Uint32Array(count),
      breakdown: new Int32Array(count),
      value: new Float64Array(count),
      onlyIfEmpty: new Uint8Array(count),
    };
    // Values of one period share its object: its key is made once per object, not once per value.
    const periodIndex = new Map<Period, number>();
    let i = 0;
    for (const planned of values) {
      const { dimension, member, period } = planned;
      columns.agencyId[i] = planned.agencyId;
      let periodAt = periodIndex.get(period);
      if (periodAt === undefined) {
        periodAt = periods.index(`${period.frequency} ${period.start} ${period.end}`, () => period);
        periodIndex.set(period, periodAt);
      }
      columns.period[i] = periodAt;
      columns.metric[i] = metrics.index(planned.metric.key, () => planned.metric.key);
      columns.breakdown[i] =
        dimension && member
          ? breakdowns.indexOfPair(dimension.identifier, member.name, () => ({
              identifier: dimension.identifier,
              member: member.name,
            }))
          : -1;
      columns.value[i] = planned.value;
      columns.onlyIfEmpty[i] = planned.onlyIfEmpty ? 1 : 0;
      i += 1;
    }
    return new PlannedValues(columns);
  }

  get length(): number {
    return this.columns.value.length;
  }

  at(index: number): ValueToWrite {
    const c = this.columns;
    const breakdown = c.breakdown[index]!;
    return {
      agencyId: c.agencyId[index]!,
      period: c.periods[c.period[index]!]!,
      metricKey: c.metricKeys[c.metric[index]!]!,
      breakdown: breakdown < 0 ? null : c.breakdowns[breakdown]!,
      value: c.value[index]!,
      onlyIfEmpty: c.onlyIfEmpty[index] === 1,
    };
  }

  *[Symbol.iterator](): Iterator<ValueToWrite> {
    for (let index = 0; index < this.length; index += 1) yield this.at(index);
  }

  /** The buffers to move, not copy, when the values are posted to another thread. */
  transferList(): ArrayBuffer[] {
    const { agencyId, period, metric, breakdown, value, onlyIfEmpty } = this.columns;
    return [agencyId, period, metric, breakdown, value, onlyIfEmpty].map((array) => array.buffer as ArrayBuffer);
  }
}

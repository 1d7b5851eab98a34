import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { PlannedValues } from './planned-values.ts';
import type { PlannedValue } from './plan-upload.ts';
import { MergedColumns, UploadedValueList } from './uploaded-values.ts';
import type { Period } from './upload-row.ts';

const arrests = getMetric('LAW_ENFORCEMENT_ARRESTS')!;
const race = arrests.dimensions.find((dimension) => dimension.identifier.includes('race'))!;
const january: Period = { start: '2024-01-01', end: '2024-02-01', frequency: 'MONTHLY', label: '1/2024' };

const value = (member: number | null, figure: number): PlannedValue => ({
  agencyId: 7,
  metric: arrests,
  period: january,
  dimension: member === null ? null : race,
  member: member === null ? null : race.members[member]!,
  value: figure,
  onlyIfEmpty: false,
});

describe('UploadedValueList', () => {
  const planned = PlannedValues.pack([value(null, 10), value(0, 4), value(1, 3), value(2, 2), value(3, 1)]);
  const merged = new MergedColumns(planned, Int32Array.from([70, 70, 70, 70, 70]));
  merged.record({ ord: 0, datapointId: 100, oldValue: null, inserted: true, written: true });
  merged.record({ ord: 1, datapointId: 101, oldValue: ' 4.0 ', inserted: false, written: false });
  merged.record({ ord: 2, datapointId: 102, oldValue: ' 5 ', inserted: false, written: true });
  merged.record({ ord: 3, datapointId: 103, oldValue: 'n/a', inserted: false, written: true });
  merged.record({ ord: 4, datapointId: 104, oldValue: null, inserted: false, written: true });
  const list = new UploadedValueList(merged, Int32Array.from([0, 1, 2, 3, 4]));
  const member = (index: number) => [race.identifier, race.members[index]!.name];

  it('makes each tuple from the columns: the planned value, and the stored value a change replaced', () => {
    expect(list.slice()).toEqual([
      [100, 70, null, null, 10, null],
      [101, 70, ...member(0), 4, null],
      [102, 70, ...member(1), 3, 5],
      [103, 70, ...member(2), 2, 'n/a'],
      [104, 70, ...member(3), 1, null],
    ]);
  });

  it('reads as the array of its positions, in slices', () => {
    const some = new UploadedValueList(merged, Int32Array.from([4, 2]));
    expect(some.length).toBe(2);
    expect(some.slice(1)).toEqual([[102, 70, ...member(1), 3, 5]]);
    expect(JSON.parse(JSON.stringify(some))).toEqual(some.slice());
  });
});

import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import type { PlannedValue } from './plan-upload.ts';
import { PlannedValues } from './planned-values.ts';
import type { Period } from './upload-row.ts';

const arrests = getMetric('LAW_ENFORCEMENT_ARRESTS')!;
const race = arrests.dimensions.find((dimension) => dimension.identifier.includes('race'))!;
const january: Period = { start: '2024-01-01', end: '2024-02-01', frequency: 'MONTHLY', label: '1/2024' };
const february: Period = { start: '2024-02-01', end: '2024-03-01', frequency: 'MONTHLY', label: '2/2024' };

const planned = (period: Period, member: number | null, value: number, onlyIfEmpty = false): PlannedValue => ({
  agencyId: 7,
  metric: arrests,
  period,
  dimension: member === null ? null : race,
  member: member === null ? null : race.members[member]!,
  value,
  onlyIfEmpty,
});

describe('PlannedValues', () => {
  const values = [
    planned(january, 0, 1.5),
    planned(january, 1, 2),
    planned(february, 0, 3),
    planned(january, null, 3.5, true),
  ];
  const packed = PlannedValues.pack(values);

  it('gives back each value as the write needs it', () => {
    expect([...packed]).toEqual([
      {
        agencyId: 7,
        period: january,
        metricKey: arrests.key,
        breakdown: { identifier: race.identifier, member: race.members[0]!.name },
        value: 1.5,
        onlyIfEmpty: false,
      },
      {
        agencyId: 7,
        period: january,
        metricKey: arrests.key,
        breakdown: { identifier: race.identifier, member: race.members[1]!.name },
        value: 2,
        onlyIfEmpty: false,
      },
      {
        agencyId: 7,
        period: february,
        metricKey: arrests.key,
        breakdown: { identifier: race.identifier, member: race.members[0]!.name },
        value: 3,
        onlyIfEmpty: false,
      },
      { agencyId: 7, period: january, metricKey: arrests.key, breakdown: null, value: 3.5, onlyIfEmpty: true },
    ]);
  });

  it('keeps each distinct period, metric and member once, shared by the values that name it', () => {
    const { periods, metricKeys, breakdowns } = packed.columns;
    expect([periods.length, metricKeys.length, breakdowns.length]).toEqual([2, 1, 2]);
    expect(packed.at(0).period).toBe(packed.at(1).period);
    expect(packed.at(0).breakdown).toBe(packed.at(2).breakdown);
  });

  it('survives structured cloning with its buffers moved, as it is posted between threads', () => {
    const moved = PlannedValues.pack(values);
    const copy = new PlannedValues(structuredClone(moved.columns, { transfer: moved.transferList() }));
    expect([...copy]).toEqual([...packed]);
    expect(copy.at(0).period).toBe(copy.at(3).period);
    expect(moved.length).toBe(0);
  });
});

import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { countValues, planAgencies, planRecords, recordValues, SIZES } from './dataset.ts';

describe('generated data set', () => {
  const agencies = planAgencies(SIZES.small);
  const records = [...planRecords(agencies)];

  it('has the probe jail with ten years plus the asked number of agencies over every sector', () => {
    expect(agencies).toHaveLength(11);
    expect(agencies[0]).toMatchObject({ id: 1, system: 'JAILS', years: 10, isProbe: true });
    expect(new Set(agencies.slice(1).map((a) => a.system)).size).toBe(10);
    expect(records.filter((r) => r.agencyId === 1)).toHaveLength(130);
    expect(records.filter((r) => r.agencyId === 2)).toHaveLength(39);
  });

  it('gives the same values every time, and breakdowns add up to their total', () => {
    const jail = agencies[0]!;
    const record = records.find((r) => r.agencyId === jail.id && r.period.type === 'MONTHLY')!;
    const values = recordValues(jail, record);
    expect(recordValues(jail, record)).toEqual(values);
    for (const total of values.filter((v) => v.dimension === null)) {
      for (const dimension of getMetric(total.metricKey)!.dimensions) {
        const members = values.filter((v) => v.metricKey === total.metricKey && v.dimension?.[dimension.identifier]);
        expect(members).toHaveLength(dimension.members.length);
        expect(members.reduce((sum, v) => sum + v.value, 0)).toBe(total.value);
      }
    }
  });

  it('counts exactly the values it generates', () => {
    const generated = records.reduce((sum, r) => sum + recordValues(agencies[r.agencyId - 1]!, r).length, 0);
    expect(countValues(agencies)).toBe(generated);
  });

  it('makes the large set about ten million values', () => {
    const large = countValues(planAgencies(SIZES.large));
    expect(large).toBeGreaterThan(8_000_000);
    expect(large).toBeLessThan(12_000_000);
  });
});

describe('record periods', () => {
  it('are stored like the app stores them, end dates exclusive', () => {
    const records = [...planRecords([{ id: 1, name: 'x', system: 'JAILS', years: 1, isProbe: false }])];
    expect(records[11]!.period).toEqual({
      type: 'MONTHLY',
      instance: '12 2025 Metrics',
      dateRangeStart: '2025-12-01',
      dateRangeEnd: '2026-01-01',
    });
    expect(records[12]!.period).toEqual({
      type: 'ANNUAL',
      instance: '2025 Annual Metrics',
      dateRangeStart: '2025-01-01',
      dateRangeEnd: '2026-01-01',
    });
  });
});

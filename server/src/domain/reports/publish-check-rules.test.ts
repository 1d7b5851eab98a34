import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PUBLISH_CHECKS,
  median,
  medianAbsoluteDeviation,
  publishFlags,
  unusualAgainst,
  type CheckedValue,
} from './publish-check-rules.ts';

const ADMISSIONS = 'JAILS_TOTAL_ADMISSIONS';
const POPULATION = 'JAILS_TOTAL_POPULATION';
const SEX = 'global/biological_sex';

let nextReport = 1;
/** A monthly total of `metricKey` for the month starting `year-month`. */
function month(year: number, monthNumber: number, value: number | null, metricKey = ADMISSIONS): CheckedValue {
  const start = `${year}-${String(monthNumber).padStart(2, '0')}-01`;
  const endYear = monthNumber === 12 ? year + 1 : year;
  const end = `${endYear}-${String((monthNumber % 12) + 1).padStart(2, '0')}-01`;
  const value_ = value === null ? null : String(value);
  return {
    reportId: nextReport++,
    startDate: start,
    endDate: end,
    metricKey,
    dimension: null,
    subDimensionName: null,
    value: value_,
  };
}

const member = (total: CheckedValue, name: string, value: number | null): CheckedValue => ({
  ...total,
  dimension: { [SEX]: name },
  value: value === null ? null : String(value),
});

describe('median and MAD', () => {
  it('finds the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
  });

  it('lies within the values, and the MAD is never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (values) => {
        const centre = median(values);
        expect(centre).toBeGreaterThanOrEqual(Math.min(...values));
        expect(centre).toBeLessThanOrEqual(Math.max(...values));
        expect(medianAbsoluteDeviation(values)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('unusualAgainst', () => {
  const limits = DEFAULT_PUBLISH_CHECKS;

  it('calls a value far outside a steady history unusual, and returns the median', () => {
    expect(unusualAgainst(340, [100, 98, 103, 101, 99], limits)).toBe(100);
    expect(unusualAgainst(20, [100, 98, 103, 101, 99], limits)).toBe(100);
  });

  it('does not judge with too little history, small differences or a noisy history', () => {
    expect(unusualAgainst(340, [100, 98], limits)).toBeUndefined();
    expect(unusualAgainst(5, [1, 1, 1, 1], limits)).toBeUndefined();
    expect(unusualAgainst(300, [10, 400, 90, 250, 30], limits)).toBeUndefined();
  });

  it('never calls a value unusual against a history of that same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 3, max: 24 }), (value, count) => {
        expect(unusualAgainst(value, Array(count).fill(value), limits)).toBeUndefined();
      }),
    );
  });

  it('never calls a value unusual when it lies within the history', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e5 }), { minLength: 3, maxLength: 30 }), (history) => {
        expect(unusualAgainst(median(history), history, limits)).toBeUndefined();
      }),
    );
  });
});

describe('publishFlags: history', () => {
  const limits = DEFAULT_PUBLISH_CHECKS;
  /** Three years of steady months, with every November about three times the rest. */
  const seasonal = [2022, 2023, 2024].flatMap((year) =>
    Array.from({ length: 12 }, (_, i) => month(year, i + 1, i === 10 ? 300 + year - 2022 : 100 + i)),
  );

  it('flags a November far above the usual November, in a sentence', () => {
    const flags = publishFlags([month(2025, 11, 1020)], seasonal, limits);
    expect(flags).toEqual([
      expect.objectContaining({
        key: `unusual:${ADMISSIONS}`,
        kind: 'unusual',
        sentence: 'Total Admissions is 1,020, 3.4 times the usual November (median 301).',
      }),
    ]);
  });

  it('leaves a November that is high every year alone (seasonality raises no alarm)', () => {
    expect(publishFlags([month(2025, 11, 305)], seasonal, limits)).toEqual([]);
  });

  it('flags a fall below the usual month', () => {
    const [flag] = publishFlags([month(2025, 3, 20)], seasonal, limits);
    expect(flag?.sentence).toBe('Total Admissions is 20, 80% below the usual March (median 102).');
  });

  it('uses the last 12 months when earlier years have too few of the month', () => {
    const lastYear = Array.from({ length: 12 }, (_, i) => month(2024, i + 1, 100));
    const [flag] = publishFlags([month(2025, 1, 400)], lastYear, limits);
    expect(flag?.sentence).toBe('Total Admissions is 400, 4 times the median of the last 12 months (median 100).');
  });

  it('compares annual figures with earlier years only', () => {
    const year = (start: number, value: number): CheckedValue => ({
      ...month(start, 1, value),
      endDate: `${start + 1}-01-01`,
    });
    const history = [year(2020, 1000), year(2021, 1010), year(2022, 990), month(2023, 1, 5)];
    expect(publishFlags([year(2023, 3000)], history, limits)[0]?.sentence).toBe(
      'Total Admissions is 3,000, 3 times the usual year (median 1,000).',
    );
    expect(publishFlags([year(2023, 1005)], history, limits)).toEqual([]);
  });

  it('ignores later periods and other metrics', () => {
    const later = Array.from({ length: 5 }, (_, i) => month(2026 + i, 11, 10));
    const other = Array.from({ length: 5 }, (_, i) => month(2020 + i, 11, 10, POPULATION));
    expect(publishFlags([month(2025, 11, 1000)], [...later, ...other], limits)).toEqual([]);
  });

  it('takes its thresholds from the deployment', () => {
    const strict = { ...limits, ratio: 10 };
    expect(publishFlags([month(2025, 11, 1020)], seasonal, strict)).toEqual([]);
  });
});

describe('publishFlags: breakdowns', () => {
  const limits = DEFAULT_PUBLISH_CHECKS;

  it('flags a breakdown that does not add up to the total', () => {
    const total = month(2025, 1, 100, POPULATION);
    const record = [total, member(total, 'MALE', 50), member(total, 'FEMALE', 20)];
    expect(publishFlags(record, [], limits)).toEqual([
      expect.objectContaining({
        key: `breakdown_sum:${POPULATION}:${SEX}`,
        sentence: 'The Biological Sex breakdown of Total Daily Population adds up to 70, less than the total of 100.',
      }),
    ]);
  });

  it('flags a breakdown that is mostly unknown', () => {
    const total = month(2025, 1, 100, POPULATION);
    const record = [total, member(total, 'MALE', 50), member(total, 'UNKNOWN', 50)];
    expect(publishFlags(record, [], limits).map((f) => f.sentence)).toEqual([
      '50% of the Biological Sex breakdown of Total Daily Population is unknown (50 of 100).',
    ]);
    expect(publishFlags(record, [], { ...limits, unknownShare: 0.5 })).toEqual([]);
  });

  it('has no flag for a breakdown that adds up with few unknowns, or for blank values', () => {
    const total = month(2025, 1, 100, POPULATION);
    const record = [total, member(total, 'MALE', 70), member(total, 'FEMALE', 25), member(total, 'UNKNOWN', 5)];
    expect(publishFlags(record, [], limits)).toEqual([]);
    expect(publishFlags([month(2025, 1, null)], [], limits)).toEqual([]);
  });
});

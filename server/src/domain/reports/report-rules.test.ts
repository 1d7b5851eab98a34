import { describe, expect, it } from 'vitest';
import { lastDayOf } from '../../contract/report-periods.ts';
import {
  changedSince,
  checkPeriod,
  inferFrequency,
  periodLabel,
  recurringPeriods,
  reportDateRange,
  reportInstance,
  reportYearMonth,
} from './report-rules.ts';

describe('reportDateRange', () => {
  it('covers one month for monthly records, ending on the first of the next', () => {
    expect(reportDateRange('MONTHLY', 2022, 2)).toEqual({ start: '2022-02-01', end: '2022-03-01' });
    expect(reportDateRange('MONTHLY', 2022, 11)).toEqual({ start: '2022-11-01', end: '2022-12-01' });
    expect(reportDateRange('MONTHLY', 2022, 12)).toEqual({ start: '2022-12-01', end: '2023-01-01' });
  });

  it('covers calendar year `year` for annual records starting in January', () => {
    expect(reportDateRange('ANNUAL', 2022, 1)).toEqual({ start: '2022-01-01', end: '2023-01-01' });
  });

  it('treats `year` as the year a fiscal year ends', () => {
    expect(reportDateRange('ANNUAL', 2022, 3)).toEqual({ start: '2021-03-01', end: '2022-03-01' });
    expect(reportDateRange('ANNUAL', 2022, 7)).toEqual({ start: '2021-07-01', end: '2022-07-01' });
  });

  it('gives the last day for display', () => {
    expect(lastDayOf(reportDateRange('MONTHLY', 2024, 2))).toBe('2024-02-29');
    expect(lastDayOf(reportDateRange('ANNUAL', 2024, 7))).toBe('2024-06-30');
  });
});

describe('checkPeriod', () => {
  it('names the field, the bounds and the value', () => {
    expect(() => checkPeriod(2024, 13)).toThrow('month: must be between 1 and 12 (got 13)');
    expect(() => checkPeriod(1900, 1)).toThrow('year: must be between 1970 and 2100 (got 1900)');
    expect(() => checkPeriod(2024, 12)).not.toThrow();
  });
});

describe('reportInstance', () => {
  it('names monthly records by month and start year, annual ones by start year', () => {
    expect(reportInstance('MONTHLY', '2022-03-01')).toBe('03 2022 Metrics');
    expect(reportInstance('ANNUAL', '2021-01-01')).toBe('2021 Annual Metrics');
    expect(reportInstance('ANNUAL', '2021-07-01')).toBe('2021 Annual Metrics');
  });
});

describe('inferFrequency', () => {
  it('reads the frequency back from the dates, agreeing with how they were made', () => {
    for (const [frequency, year, month] of [
      ['MONTHLY', 2022, 11],
      ['MONTHLY', 2022, 12],
      ['ANNUAL', 2022, 1],
      ['ANNUAL', 2022, 7],
    ] as const) {
      expect(inferFrequency(reportDateRange(frequency, year, month))).toBe(frequency);
    }
  });

  it('refuses any other span', () => {
    expect(() => inferFrequency({ start: '2022-01-01', end: '2022-04-01' })).toThrow('one month or twelve');
  });
});

describe('periodLabel', () => {
  it('names months, calendar years and fiscal years', () => {
    expect(periodLabel(reportDateRange('MONTHLY', 2024, 3))).toBe('March 2024');
    expect(periodLabel(reportDateRange('ANNUAL', 2023, 1))).toBe('calendar year 2023');
    expect(periodLabel(reportDateRange('ANNUAL', 2023, 7))).toBe('fiscal year July 2022 to June 2023');
  });
});

describe('reportYearMonth', () => {
  it('shows a fiscal year by its start (created as year 2023, shown as 2022/7)', () => {
    expect(reportYearMonth(reportDateRange('ANNUAL', 2023, 7).start)).toEqual({ year: 2022, month: 7 });
  });
});

describe('recurringPeriods', () => {
  it('in January: December of last year and last calendar year', () => {
    expect(recurringPeriods('2022-01-01')).toEqual({
      monthly: { start: '2021-12-01', end: '2022-01-01' },
      annual: { start: '2021-01-01', end: '2022-01-01' },
      annualStartingMonth: 1,
    });
  });

  it('in July: June, and the fiscal year that has just ended (not the one before it)', () => {
    expect(recurringPeriods('2024-07-15')).toEqual({
      monthly: { start: '2024-06-01', end: '2024-07-01' },
      annual: { start: '2023-07-01', end: '2024-07-01' },
      annualStartingMonth: 7,
    });
  });
});

describe('versions', () => {
  it('are stale when the record changed after the client loaded it', () => {
    const modified = new Date('2024-01-01T00:00:00.123Z');
    expect(changedSince(modified, modified.getTime() / 1000)).toBe(false);
    expect(changedSince(modified, (modified.getTime() - 1) / 1000)).toBe(true);
    expect(changedSince(null, 0)).toBe(false);
  });
});

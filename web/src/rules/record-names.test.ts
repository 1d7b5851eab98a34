import { describe, expect, it } from 'vitest';
import type { ReportOverview } from '@jc/server/contract';
import {
  dateRangeLabel,
  distinctEditors,
  frequencyLabel,
  groupByYear,
  longDate,
  recordTitle,
  relativeDay,
} from './record-names.ts';

function record(id: number, frequency: 'MONTHLY' | 'ANNUAL', year: number, month: number): ReportOverview {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  return {
    id,
    agency_id: 1,
    agency_name: null,
    editors: [],
    frequency,
    is_recurring: false,
    last_modified_at: null,
    last_modified_at_timestamp: null,
    month,
    year,
    publish_date: null,
    status: 'DRAFT',
    date_range_start: start,
    date_range_end: start,
  };
}

describe('record names', () => {
  it('titles months, calendar years and other years', () => {
    expect(recordTitle(record(1, 'MONTHLY', 2024, 3))).toBe('March 2024');
    expect(recordTitle(record(1, 'ANNUAL', 2023, 1))).toBe('Annual Record CY2023');
    expect(recordTitle(record(1, 'ANNUAL', 2023, 7))).toBe('Annual Record FY2023-2024');
    expect(frequencyLabel(record(1, 'ANNUAL', 2023, 7))).toBe('annually (July)');
    expect(frequencyLabel(record(1, 'MONTHLY', 2023, 7))).toBe('monthly');
  });

  it('dates ranges by their first and last day', () => {
    expect(dateRangeLabel({ date_range_start: '2024-02-01', date_range_end: '2024-03-01' })).toBe(
      'February 1, 2024 – February 29, 2024',
    );
    expect(longDate('Tue, 05 Mar 2024 00:00:00 GMT')).toBe('March 5, 2024');
    expect(longDate(null)).toBe('-');
  });

  it('says how long ago in words', () => {
    const now = new Date('2024-03-10T15:00:00Z');
    expect(relativeDay(new Date('2024-03-10T01:00:00Z'), now)).toBe('today');
    expect(relativeDay(new Date('2024-03-09T23:00:00Z'), now)).toBe('yesterday');
    expect(relativeDay(new Date('2024-03-01T00:00:00Z'), now)).toBe('9 days ago');
    expect(relativeDay(new Date('2023-12-01T00:00:00Z'), now)).toBe('3 months ago');
    expect(relativeDay(new Date('2022-01-01T00:00:00Z'), now)).toBe('2 years ago');
  });

  it('shows repeated JC Admin editors once', () => {
    const jc = { name: 'JC Admin', role: 'JUSTICE_COUNTS_ADMIN' as const };
    const ann = { name: 'Ann', role: 'CONTRIBUTOR' as const };
    expect(distinctEditors([jc, ann, jc])).toEqual([jc, ann]);
  });
});

describe('groupByYear', () => {
  it('puts newest years first, annual records first, then months from the latest', () => {
    const records = [
      record(1, 'MONTHLY', 2023, 1),
      record(2, 'MONTHLY', 2023, 12),
      record(3, 'ANNUAL', 2023, 1),
      record(4, 'ANNUAL', 2022, 7),
      record(5, 'MONTHLY', 2024, 2),
    ];
    expect(groupByYear(records).map((g) => [g.year, g.records.map((r) => r.id)])).toEqual([
      [2024, [5]],
      [2023, [3, 4, 2, 1]],
    ]);
  });
});

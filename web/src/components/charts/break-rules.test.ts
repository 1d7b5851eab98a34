import { describe, expect, it } from 'vitest';
import { breakMarks, breakMonth, breakNotes, countedSince, type SeriesBreakJson } from './break-rules.ts';
import type { SeriesRow } from './series-rules.ts';

const row = (start: string, label: string): SeriesRow => ({
  start,
  label,
  total: 1,
  values: { Total: 1 },
  isGap: false,
  isPublished: true,
});
const rows = [row('2024-01-01', 'Jan 2024'), row('2024-02-01', 'Feb 2024'), row('2024-03-01', 'Mar 2024')];
const seriesBreak = (start_date: string): SeriesBreakJson => ({
  start_date,
  changed_at: `${start_date}T12:00:00.000Z`,
  changes: [],
});

describe('breakMarks', () => {
  it('marks the first period counted under the new definition', () => {
    expect(breakMarks(rows, [seriesBreak('2024-02-01')])).toEqual([
      { label: 'Feb 2024', breaks: [seriesBreak('2024-02-01')] },
    ]);
  });

  it('marks a break falling between charted periods (an annual change on a monthly chart) at the next period', () => {
    expect(breakMarks(rows, [seriesBreak('2024-01-15')]).map((m) => m.label)).toEqual(['Feb 2024']);
  });

  it('draws no mark when every charted period is on one side of the break', () => {
    expect(breakMarks(rows, [seriesBreak('2023-07-01'), seriesBreak('2024-01-01'), seriesBreak('2024-04-01')])).toEqual(
      [],
    );
  });

  it('joins breaks that fall before the same period', () => {
    const marks = breakMarks(rows, [seriesBreak('2024-02-01'), seriesBreak('2024-01-20')]);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.breaks).toHaveLength(2);
  });
});

describe('breakMonth', () => {
  it('names the first month under the new definition', () => {
    expect(breakMonth('2024-03-01')).toBe('March 2024');
  });
});

describe('countedSince', () => {
  it('gives the month of the latest break at or before a period, none before the first', () => {
    const breaks = [seriesBreak('2024-02-01'), seriesBreak('2024-06-01')];
    expect(countedSince(breaks, '2024-01-01')).toBeNull();
    expect(countedSince(breaks, '2024-02-01')).toBe('February 2024');
    expect(countedSince(breaks, '2024-07-01')).toBe('June 2024');
  });
});

describe('breakNotes', () => {
  it("writes each marked break's heading and detail in one line, for a saved picture", () => {
    const change = {
      kind: 'definition' as const,
      disaggregation: null,
      dimension: null,
      key: 'ON_VIEW',
      before: 'Yes',
      after: 'No',
      description: 'No longer includes on view',
    };
    const changed = { ...seriesBreak('2024-02-01'), changes: [change] };
    expect(breakNotes(breakMarks(rows, [changed]))).toEqual([
      'Definition changed from February 2024: No longer includes on view. Figures before and after the dashed line are not directly comparable.',
    ]);
  });
});

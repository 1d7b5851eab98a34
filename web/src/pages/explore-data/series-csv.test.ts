import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../components/charts/series-rules.ts';
import { csvFileName, seriesCsv } from './series-csv.ts';

const row = (label: string, values: Record<string, number | null>, total: number | null, isPublished: boolean | null) =>
  ({ start: '', label, values, total, isGap: isPublished === null, isPublished }) satisfies SeriesRow;

describe('seriesCsv', () => {
  it('writes totals with their status', () => {
    const rows = [row('Jan 2024', { Total: 10 }, 10, true), row('Feb 2024', { Total: null }, null, null)];
    expect(seriesCsv(rows, ['Total'])).toBe('Period,Status,Total\nJan 2024,Published,10\nFeb 2024,Not recorded,\n');
  });

  it('writes a breakdown beside the total, quoting names with commas', () => {
    const rows = [row('Jan 2024', { 'Drug, other': 4, Person: 6 }, 10, false)];
    expect(seriesCsv(rows, ['Drug, other', 'Person'])).toBe(
      'Period,Status,Total,"Drug, other",Person\nJan 2024,Draft,10,4,6\n',
    );
  });
});

describe('csvFileName', () => {
  it('names the file after the metric, the breakdown and the agency', () => {
    expect(csvFileName('Arrests', 'Offense Types', 'Riverside Police Dept.')).toBe(
      'arrests_by_offense_types_riverside_police_dept.csv',
    );
    expect(csvFileName('Funding', null, 'Lakeside Jail')).toBe('funding_lakeside_jail.csv');
  });
});

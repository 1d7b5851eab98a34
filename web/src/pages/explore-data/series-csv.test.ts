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

describe('seriesCsv comparability', () => {
  const dated = (start: string, label: string) => ({ ...row(label, { Total: 5 }, 5, true), start });
  const rows = [dated('2024-01-01', 'Jan 2024'), dated('2024-02-01', 'Feb 2024')];
  const breaks = [{ start_date: '2024-02-01', changed_at: '2024-02-10T12:00:00.000Z', changes: [] }];

  it('adds whether the definition matches and since when each figure was counted so', () => {
    expect(seriesCsv(rows, ['Total'], { matches_default: false, differences: [], series_breaks: breaks })).toBe(
      'Period,Status,Total,Matches Justice Counts definition,Definition since\n' +
        'Jan 2024,Published,5,No,\nFeb 2024,Published,5,No,February 2024\n',
    );
  });

  it('adds nothing for a metric counted as defined and never changed', () => {
    expect(seriesCsv(rows, ['Total'], { matches_default: true, differences: [], series_breaks: [] })).toBe(
      'Period,Status,Total\nJan 2024,Published,5\nFeb 2024,Published,5\n',
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

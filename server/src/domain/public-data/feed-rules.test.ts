import { describe, expect, it } from 'vitest';
import { feedIndex, feedTable, metricFilesOf, type FeedValue, type MetricFile } from './feed-rules.ts';

const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
const OFFENSE = 'metric/offense/type';

const file = (name: string): MetricFile => metricFilesOf('LAW_ENFORCEMENT').find((f) => f.name === name)!;

const month = (start: string, end: string, value: string | null, dimension: FeedValue['dimension'] = null) => ({
  startDate: start,
  endDate: end,
  metricKey: ARRESTS,
  dimension,
  subDimensionName: null,
  value,
});

describe('metricFilesOf', () => {
  it('names a file per metric total and per breakdown, as the upload sheets are named', () => {
    const names = metricFilesOf('LAW_ENFORCEMENT').map((f) => f.name);
    expect(names).toContain('arrests');
    expect(names).toContain('arrests_by_type');
    expect(new Set(names).size).toBe(names.length);
    expect(file('arrests_by_type').title).toBe('Arrests by Offense Types');
  });
});

describe('feedTable', () => {
  it('writes monthly totals newest first with month names, leaving out breakdowns and empty values', () => {
    const table = feedTable(file('arrests'), [
      month('2024-01-01', '2024-02-01', '10'),
      month('2024-03-01', '2024-04-01', '30.0'),
      month('2024-02-01', '2024-03-01', null),
      month('2024-02-01', '2024-03-01', '7', { [OFFENSE]: 'DRUG' }),
    ]);
    expect(table).toEqual({
      header: ['year', 'month', 'value'],
      rows: [
        [2024, 'March', '30.0'],
        [2024, 'January', '10'],
      ],
    });
  });

  it('has no month column for annual figures and names the year a period starts in', () => {
    const table = feedTable(file('arrests'), [
      month('2022-07-01', '2023-07-01', '120'),
      month('2023-07-01', '2024-07-01', '130'),
    ]);
    expect(table).toEqual({
      header: ['year', 'value'],
      rows: [
        [2023, '130'],
        [2022, '120'],
      ],
    });
  });

  it('writes a breakdown file with member names in catalogue order within a period', () => {
    const table = feedTable(file('arrests_by_type'), [
      month('2024-01-01', '2024-02-01', '3', { [OFFENSE]: 'DRUG' }),
      month('2024-01-01', '2024-02-01', '5', { [OFFENSE]: 'PERSON' }),
      month('2024-02-01', '2024-03-01', '1', { [OFFENSE]: 'OTHER' }),
      month('2024-02-01', '2024-03-01', '99'),
      { ...month('2024-02-01', '2024-03-01', '2', { [OFFENSE]: 'OTHER' }), subDimensionName: 'LITTERING' },
    ]);
    expect(table).toEqual({
      header: ['year', 'month', 'offense_type', 'value'],
      rows: [
        [2024, 'February', 'OTHER', '1'],
        [2024, 'January', 'PERSON', '5'],
        [2024, 'January', 'DRUG', '3'],
      ],
    });
  });

  it('leaves the month empty for annual rows of a file that also has monthly ones', () => {
    const table = feedTable(file('arrests'), [
      month('2024-01-01', '2024-02-01', '10'),
      month('2023-01-01', '2024-01-01', '100'),
    ]);
    expect(table.rows).toEqual([
      [2024, 'January', '10'],
      [2023, null, '100'],
    ]);
  });
});

describe('feedIndex', () => {
  it('lists the files that have figures, with how many rows each', () => {
    const index = feedIndex(metricFilesOf('LAW_ENFORCEMENT'), [
      month('2024-01-01', '2024-02-01', '10'),
      month('2024-01-01', '2024-02-01', '3', { [OFFENSE]: 'DRUG' }),
      month('2024-02-01', '2024-03-01', '4', { [OFFENSE]: 'DRUG' }),
    ]);
    expect(index).toEqual({
      header: ['system', 'metric', 'title', 'rows'],
      rows: [
        ['LAW_ENFORCEMENT', 'arrests', 'Arrests', 1],
        ['LAW_ENFORCEMENT', 'arrests_by_type', 'Arrests by Offense Types', 2],
      ],
    });
  });
});

describe('feedTable annotations', () => {
  const values = [
    month('2024-01-01', '2024-02-01', '10'),
    month('2024-02-01', '2024-03-01', '11'),
    month('2024-03-01', '2024-04-01', '12'),
  ];

  it('adds no column for a metric counted as Justice Counts defines it and never changed', () => {
    const table = feedTable(file('arrests'), values, { comparability: { matchesDefault: true, breakStarts: [] } });
    expect(table.header).toEqual(['year', 'month', 'value']);
  });

  it('flags a definition that differs and gives each figure the start of the definition it was counted under', () => {
    const table = feedTable(file('arrests'), values, {
      notes: [{ startDate: '2024-03-01', endDate: '2024-04-01', metricKey: ARRESTS, text: 'New system.' }],
      comparability: { matchesDefault: false, breakStarts: ['2024-02-01'] },
    });
    expect(table.header).toEqual(['year', 'month', 'value', 'note', 'definition_matches_default', 'series_since']);
    expect(table.rows).toEqual([
      [2024, 'March', '12', 'New system.', 'no', '2024-02-01'],
      [2024, 'February', '11', null, 'no', '2024-02-01'],
      [2024, 'January', '10', null, 'no', null],
    ]);
  });
});

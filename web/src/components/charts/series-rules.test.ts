import { describe, expect, it } from 'vitest';
import type { DatapointFull } from '@jc/server/contract';
import { dimensionJson, disaggregationJson, metricJson } from '../../rules/test-metrics.ts';
import {
  breakdownsOf,
  buildSeries,
  chartPoints,
  defaultBreakdown,
  frequencyChoices,
  frequencyMark,
  insightsOf,
  latestFrequency,
  seriesName,
  type SeriesInput,
} from './series-rules.ts';
import { chartPoint as point, MONTHLY as monthly } from './test-points.ts';

const offense = (start: string, member: string, value: number) =>
  point(start, value, { breakdown: 'Offense Types', member });
const series = (input: Partial<SeriesInput>) =>
  buildSeries({ points: [], choice: monthly, breakdown: null, publishedOnly: false, range: 'all', ...input });

describe('chartPoints', () => {
  it('reads one metric’s figures, leaving out custom sub-categories', () => {
    const base: DatapointFull = {
      id: 1,
      report_id: 2,
      agency_name: null,
      start_date: 'Fri, 01 Mar 2024 00:00:00 GMT',
      end_date: 'Mon, 01 Apr 2024 00:00:00 GMT',
      frequency: 'MONTHLY',
      metric_definition_key: 'ARRESTS',
      metric_display_name: 'Arrests',
      disaggregation_display_name: null,
      dimension_display_name: null,
      sub_dimension_name: null,
      value: '12',
      old_value: null,
      is_published: false,
    };
    const points = chartPoints(
      [base, { ...base, metric_definition_key: 'CALLS' }, { ...base, sub_dimension_name: 'Littering' }],
      'ARRESTS',
    );
    expect(points).toEqual([point('2024-03-01', 12, { isPublished: false })]);
  });
});

describe('frequencyChoices', () => {
  it('offers the metric’s own frequency first, then the others it has figures for', () => {
    const points = [point('2023-01-01', 5, { frequency: 'ANNUAL' }), point('2023-07-01', 5, { frequency: 'ANNUAL' })];
    expect(frequencyChoices({ frequency: 'ANNUAL', startingMonth: 7 }, points).map((c) => [c.key, c.label])).toEqual([
      ['annual-7', 'Fiscal Year (July – June)'],
      ['annual-1', 'Calendar Year'],
    ]);
  });
});

describe('breakdowns', () => {
  const metric = metricJson('X_ARRESTS', 'X', {
    disaggregations: [
      disaggregationJson('offense', 'Offense Types', [
        dimensionJson('Person'),
        dimensionJson('Drug', { enabled: false }),
        dimensionJson('Other'),
      ]),
      disaggregationJson('global/biological_sex', 'Biological Sex', [dimensionJson('Male')]),
      disaggregationJson('unused', 'Unused Types', [dimensionJson('A')], { enabled: false }),
    ],
  });

  it('leaves out breakdowns and members the agency switched off', () => {
    expect(breakdownsOf(metric, undefined, [])).toEqual([
      { name: 'Offense Types', members: ['Person', 'Other'] },
      { name: 'Biological Sex', members: ['Male'] },
    ]);
  });

  it('starts on the first breakdown with figures other than sex and race', () => {
    const breakdowns = breakdownsOf(metric, undefined, []);
    expect(
      defaultBreakdown(breakdowns, [point('2024-01-01', 4, { breakdown: 'Biological Sex', member: 'Male' })]),
    ).toBe(null);
    expect(defaultBreakdown(breakdowns, [offense('2024-01-01', 'Person', 3)])).toBe('Offense Types');
  });

  it('charts race and ethnicity as combined categories', () => {
    expect(seriesName('Race / Ethnicities', 'Black / Not Hispanic or Latino')).toBe('Black');
    expect(seriesName('Race / Ethnicities', 'Black / Unknown Ethnicity')).toBe('Black');
    expect(seriesName('Race / Ethnicities', 'White / Hispanic or Latino')).toBe('Hispanic or Latino');
    expect(seriesName('Offense Types', 'Drug / Other')).toBe('Drug / Other');
  });
});

describe('buildSeries', () => {
  it('keeps the months without a figure as gaps', () => {
    const rows = series({ points: [point('2024-01-01', 10), point('2024-03-01', 30, { isPublished: false })] });
    expect(rows.map((r) => [r.label, r.values.Total, r.isGap, r.isPublished])).toEqual([
      ['Jan 2024', 10, false, true],
      ['Feb 2024', null, true, null],
      ['Mar 2024', 30, false, false],
    ]);
  });

  it('charts one breakdown, adding up members that share a series', () => {
    const points = [point('2024-01-01', 10), offense('2024-01-01', 'Person', 6), offense('2024-01-01', 'Other', 4)];
    const [row] = series({ points, breakdown: { name: 'Offense Types', members: ['Person', 'Other', 'Drug'] } });
    expect(row).toMatchObject({ total: 10, values: { Person: 6, Other: 4, Drug: null }, isGap: false });
  });

  it('shows only published figures when asked, and only the chosen time range', () => {
    const points = [point('2023-01-01', 1), point('2023-12-01', 2), point('2024-06-01', 3, { isPublished: false })];
    expect(series({ points, publishedOnly: true }).at(-1)?.label).toBe('Dec 2023');
    expect(series({ points, range: 6 }).map((r) => r.label)).toEqual([
      'Jan 2024',
      'Feb 2024',
      'Mar 2024',
      'Apr 2024',
      'May 2024',
      'Jun 2024',
    ]);
  });

  it('charts annual figures for the chosen starting month only', () => {
    const fiscal = { key: 'annual-7', label: 'Fiscal', frequency: 'ANNUAL', startingMonth: 7 } as const;
    const points = [
      point('2021-07-01', 1, { frequency: 'ANNUAL' }),
      point('2023-07-01', 3, { frequency: 'ANNUAL' }),
      point('2023-01-01', 9, { frequency: 'ANNUAL' }),
      point('2023-08-01', 9),
    ];
    expect(series({ points, choice: fiscal }).map((r) => [r.label, r.values.Total])).toEqual([
      ['Jul 2021 - Jun 2022', 1],
      ['Jul 2022 - Jun 2023', null],
      ['Jul 2023 - Jun 2024', 3],
    ]);
  });

  it('is empty without figures', () => {
    expect(series({ points: [point('2024-01-01', null)] })).toEqual([]);
  });
});

describe('insightsOf', () => {
  it('measures change from the first to the last total, the average and the latest period', () => {
    const rows = series({ points: [point('2024-01-01', 100), point('2024-03-01', 150)] });
    expect(insightsOf(rows)).toEqual({ percentChange: 50, average: 125, mostRecent: 'Mar 2024' });
  });

  it('has nothing to say about a single figure’s change, or about no figures', () => {
    expect(insightsOf(series({ points: [point('2024-01-01', 100)] })).percentChange).toBeNull();
    expect(insightsOf([])).toEqual({ percentChange: null, average: null, mostRecent: null });
  });
});

describe('latestFrequency', () => {
  it('opens on the frequency and starting month of the latest figures', () => {
    expect(latestFrequency([point('2023-07-01', 1, { frequency: 'ANNUAL' }), point('2022-03-01', 1)])).toEqual({
      frequency: 'ANNUAL',
      startingMonth: 7,
    });
    expect(latestFrequency([point('2024-03-01', 1)])).toEqual({ frequency: 'MONTHLY', startingMonth: 1 });
    expect(latestFrequency([])).toEqual({ frequency: 'MONTHLY', startingMonth: 1 });
  });
});

describe('frequencyMark', () => {
  it('marks months M and years CY, FY (from July) or CMY (from another month)', () => {
    expect(frequencyMark({ frequency: 'MONTHLY', startingMonth: 1 })).toBe('M');
    expect(frequencyMark({ frequency: 'ANNUAL', startingMonth: 1 })).toBe('CY');
    expect(frequencyMark({ frequency: 'ANNUAL', startingMonth: 7 })).toBe('FY');
    expect(frequencyMark({ frequency: 'ANNUAL', startingMonth: 10 })).toBe('CMY');
  });
});

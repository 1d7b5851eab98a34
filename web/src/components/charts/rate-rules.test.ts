import { describe, expect, it } from 'vitest';
import { hasRate, missingPopulationNote, populationYear, ratesOf } from './rate-rules.ts';
import { buildSeries } from './series-rules.ts';
import { chartPoint as point, MONTHLY as monthly } from './test-points.ts';
const fiscal = { key: 'annual-7', label: 'Fiscal Year', frequency: 'ANNUAL', startingMonth: 7 } as const;

describe('hasRate', () => {
  it('offers rates for counts, not for money or figures that are already rates or shares', () => {
    expect(hasRate('Arrest Events')).toBe(true);
    expect(hasRate('People Incarcerated')).toBe(true);
    expect(hasRate('Full-time Equivalents')).toBe(true);
    expect(hasRate('Amount')).toBe(false);
    expect(hasRate('Cases per Officer')).toBe(false);
    expect(hasRate('Percent of Cases')).toBe(false);
    expect(hasRate('Recidivism Rate')).toBe(false);
  });
});

describe('populationYear', () => {
  it('is the calendar year of a month and the starting year of a fiscal year', () => {
    expect(populationYear('2024-12-01')).toBe(2024);
    expect(populationYear('2023-07-01')).toBe(2023);
  });
});

describe('ratesOf', () => {
  it('divides each month’s total and breakdown values by its own year’s population, per 100,000', () => {
    const points = [
      point('2023-12-01', 50),
      point('2024-01-01', 30),
      point('2024-01-01', 10, { breakdown: 'Offense Types', member: 'Person' }),
    ];
    const counts = buildSeries({
      points,
      choice: monthly,
      breakdown: { name: 'Offense Types', members: ['Person'] },
      publishedOnly: false,
      range: 'all',
    });
    const { rows, yearsWithoutPopulation } = ratesOf(counts, { 2023: 200_000, 2024: 50_000 });
    expect(rows.map((r) => [r.label, r.total, r.values])).toEqual([
      ['Dec 2023', 25, { Person: null }],
      ['Jan 2024', 60, { Person: 20 }],
    ]);
    expect(yearsWithoutPopulation).toEqual([]);
  });

  it('uses the population of the year a fiscal year starts in', () => {
    const counts = buildSeries({
      points: [point('2023-07-01', 1_000, { frequency: 'ANNUAL' })],
      choice: fiscal,
      breakdown: null,
      publishedOnly: false,
      range: 'all',
    });
    expect(ratesOf(counts, { 2023: 400_000, 2024: 1 }).rows[0]?.values).toEqual({ Total: 250 });
  });

  it('leaves out periods whose year has no population and lists those years, but not years of gaps only', () => {
    const points = [point('2021-12-01', 5), point('2022-02-01', 5), point('2024-01-01', 10)];
    const counts = buildSeries({ points, choice: monthly, breakdown: null, publishedOnly: false, range: 'all' });
    const { rows, yearsWithoutPopulation } = ratesOf(counts, { 2022: 100_000, 2024: 100_000 });
    expect(rows[0]?.label).toBe('Jan 2022');
    expect(rows.filter((r) => !r.isGap).map((r) => [r.label, r.total])).toEqual([
      ['Feb 2022', 5],
      ['Jan 2024', 10],
    ]);
    expect(rows.some((r) => r.start.startsWith('2023'))).toBe(false);
    expect(yearsWithoutPopulation).toEqual([2021]);
  });
});

describe('missingPopulationNote', () => {
  it('says which years are left out, in words', () => {
    expect(missingPopulationNote([])).toBeNull();
    expect(missingPopulationNote([2021])).toBe(
      'No population is given for 2021, so that year is left out of the rates.',
    );
    expect(missingPopulationNote([2020, 2021, 2022])).toBe(
      'No population is given for 2020, 2021 and 2022, so those years are left out of the rates.',
    );
  });
});

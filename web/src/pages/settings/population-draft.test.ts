import { describe, expect, it } from 'vitest';
import { nextRow, populationRows, readPopulationRows, samePopulation } from './population-draft.ts';

const stored = [
  { year: 2022, population: 120_000 },
  { year: 2023, population: 121_500 },
];

describe('readPopulationRows', () => {
  it('reads typed years and figures, with thousands separators, oldest year first', () => {
    const rows = [
      { key: 0, year: '2024', population: '123,000' },
      { key: 1, year: ' 2021 ', population: '119000' },
    ];
    expect(readPopulationRows(rows)).toEqual({
      entries: [
        { year: 2021, population: 119_000 },
        { year: 2024, population: 123_000 },
      ],
      problems: new Map(),
    });
  });

  it('says what is wrong with each row, in the server’s words', () => {
    const rows = [
      { key: 0, year: '2024', population: '1' },
      { key: 1, year: '2024', population: '0' },
      { key: 2, year: '24', population: 'many' },
      { key: 3, year: 'next', population: '5' },
    ];
    const { entries, problems } = readPopulationRows(rows);
    expect(entries).toEqual([{ year: 2024, population: 1 }]);
    expect(Object.fromEntries(problems)).toEqual({
      1: { year: '2024 is listed twice; give each year once.', population: 'Population must be at least 1 person.' },
      2: { year: 'Year must be a year from 1900 to 2100.', population: 'Population must be a whole number of people.' },
      3: { year: 'Year must be a whole year such as 2024.' },
    });
  });
});

describe('rows of the stored list', () => {
  it('round-trips and compares with what is stored', () => {
    const rows = populationRows(stored);
    expect(samePopulation(rows, stored)).toBe(true);
    expect(samePopulation([...rows, nextRow(rows, 2026)], stored)).toBe(false);
  });

  it('offers the year after the latest, or last year in an empty list', () => {
    expect(nextRow(populationRows(stored), 2026)).toEqual({ key: 2, year: '2024', population: '' });
    expect(nextRow([], 2026)).toEqual({ key: 0, year: '2025', population: '' });
  });
});

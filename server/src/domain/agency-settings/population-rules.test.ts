import { describe, expect, it } from 'vitest';
import { readPopulationCsv, repeatedLineProblems, repeatedYearProblems } from './population-rules.ts';

describe('repeatedYearProblems', () => {
  it('names each repeat of a year, not its first appearance', () => {
    const list = [
      { year: 2023, population: 1 },
      { year: 2024, population: 2 },
      { year: 2023, population: 3 },
    ];
    expect(repeatedYearProblems(list, (i) => `population.${i}.year`)).toEqual([
      { field: 'population.2.year', message: '2023 is listed twice; give each year once' },
    ]);
    expect(repeatedYearProblems(list.slice(0, 2), (i) => `${i}`)).toEqual([]);
  });
});

describe('readPopulationCsv', () => {
  it('reads ids and names in any column order, with thousands separators and a byte-order mark', () => {
    const csv = '\uFEFFYear,Population,Agency\n2024,"120,500",17\n\n2023,118000,Lake County Sheriff\n';
    expect(readPopulationCsv(csv)).toEqual({
      rows: [
        { line: 2, agency: { id: 17 }, year: 2024, population: 120_500 },
        { line: 4, agency: { name: 'Lake County Sheriff' }, year: 2023, population: 118_000 },
      ],
      problems: [],
    });
  });

  it('refuses a file without the three columns, naming what it found', () => {
    expect(readPopulationCsv('agency,people\n1,2\n').problems).toEqual([
      {
        field: 'csv',
        message: 'line 1: the first line must name the columns agency, year and population (found: agency, people)',
      },
    ]);
    expect(readPopulationCsv('').problems[0]?.message).toMatch(/^line 1: the first line must name/);
    expect(readPopulationCsv('agency,year,population\n').problems).toEqual([
      { field: 'csv', message: 'line 1: no lines follow the header' },
    ]);
  });

  it('names every bad line and what is wrong on it', () => {
    const csv = 'agency,year,population\n1,2024,100\n,2024,100\n2,20x4,100\n3,2024,-5\n4,1850,0\n';
    expect(readPopulationCsv(csv).problems.map((p) => p.message)).toEqual([
      'line 3: the agency is missing; give its id or its name',
      'line 4: year "20x4" must be a whole year such as 2024',
      'line 5: population "-5" must be a whole number of people',
      'line 6: year "1850" must be a year from 1900 to 2100',
      'line 6: population "0" must be at least 1 person',
    ]);
  });

  it('refuses text that is not CSV', () => {
    const { rows, problems } = readPopulationCsv('agency,year,population\n"1,2024,100\n');
    expect(rows).toEqual([]);
    expect(problems[0]?.message).toMatch(/^the file could not be read as CSV/);
  });
});

describe('repeatedLineProblems', () => {
  it('names a year given twice for the same agency, with the line it was first given on', () => {
    const lines = [
      { line: 2, agencyId: 1, year: 2024 },
      { line: 3, agencyId: 2, year: 2024 },
      { line: 4, agencyId: 1, year: 2024 },
    ];
    expect(repeatedLineProblems(lines)).toEqual([
      { field: 'csv', message: 'line 4: 2024 is given twice for this agency (first on line 2)' },
    ]);
  });
});

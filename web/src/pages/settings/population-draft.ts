/**
 * The population block's form: a row per year as typed, checked as the server checks it (the
 * contract's bounds and words), so each box can say what is wrong before anything is sent.
 */
import { populationCount, populationYear, readWholeNumber, type PopulationEntry } from '@jc/server/contract';

export interface PopulationRow {
  /** Stable across edits, for React. */
  key: number;
  year: string;
  population: string;
}

export function populationRows(list: readonly PopulationEntry[]): PopulationRow[] {
  return list.map((entry, key) => ({ key, year: String(entry.year), population: String(entry.population) }));
}

/** A new row for the year after the latest one (or last year's, in an empty list). */
export function nextRow(rows: readonly PopulationRow[], thisYear: number): PopulationRow {
  const years = rows.map((row) => Number(row.year)).filter(Number.isInteger);
  const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
  return { key, year: String(years.length ? Math.max(...years) + 1 : thisYear - 1), population: '' };
}

export interface RowProblems {
  year?: string;
  population?: string;
}

/** The list to save, or what is wrong with each row (by key). */
export function readPopulationRows(rows: readonly PopulationRow[]): {
  entries: PopulationEntry[];
  problems: Map<number, RowProblems>;
} {
  const problems = new Map<number, RowProblems>();
  const entries: PopulationEntry[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const year = readWholeNumber(row.year, populationYear, 'must be a whole year such as 2024');
    const population = readWholeNumber(row.population, populationCount, 'must be a whole number of people');
    const found: RowProblems = {};
    if (typeof year === 'string') found.year = `Year ${year}.`;
    else if (seen.has(year)) found.year = `${year} is listed twice; give each year once.`;
    if (typeof population === 'string') found.population = `Population ${population}.`;
    if (typeof year === 'number') seen.add(year);
    if (found.year || found.population) problems.set(row.key, found);
    else entries.push({ year: year as number, population: population as number });
  }
  return { entries: entries.sort((a, b) => a.year - b.year), problems };
}

/** Whether the rows say the same as the stored list. */
export function samePopulation(rows: readonly PopulationRow[], stored: readonly PopulationEntry[]): boolean {
  const { entries, problems } = readPopulationRows(rows);
  return problems.size === 0 && JSON.stringify(entries) === JSON.stringify(stored);
}

/**
 * Rates per 100,000 residents: a count divided by the people living in the agency's jurisdiction
 * that year. A month uses its calendar year's population; a year (calendar or fiscal) uses the
 * population of the year it starts in. A period whose year has no population is left out, and the
 * chart says which years those are. Money, percentages and figures that are already rates
 * ("Cases per Officer") have no rate.
 */
import { yearMonth } from './figure-format.ts';
import type { SeriesRow } from './series-rules.ts';

export const PER_RESIDENTS = 100_000;
/** How charts, tables and files name a rate. */
export const RATE_WORDS = 'per 100,000 residents';

/** Whether a metric counts something, so that a rate per resident makes sense. */
export function hasRate(unit: string): boolean {
  return unit !== 'Amount' && !/\bper\b|\bpercent|%|\brate\b/i.test(unit);
}

/** Settings' list (`[{year, population}]`) as the public payloads give it: "2024" → people. */
export function populationByYear(list: readonly { year: number; population: number }[]): Record<string, number> {
  return Object.fromEntries(list.map((entry) => [String(entry.year), entry.population]));
}

/** The year whose population a period is divided by. */
export function populationYear(start: string): number {
  return yearMonth(start).year;
}

const per = (value: number | null, people: number) => (value === null ? null : (value * PER_RESIDENTS) / people);

export interface RateRows {
  rows: SeriesRow[];
  /** Years with figures but no population, oldest first: their periods are left out. */
  yearsWithoutPopulation: number[];
}

/** The rows as rates per 100,000 residents; gaps stay gaps. */
export function ratesOf(rows: readonly SeriesRow[], populationByYear: Readonly<Record<string, number>>): RateRows {
  const missing = new Set<number>();
  const rates: SeriesRow[] = [];
  for (const row of rows) {
    const year = populationYear(row.start);
    const people = populationByYear[String(year)];
    if (people === undefined || people <= 0) {
      if (!row.isGap) missing.add(year);
      continue;
    }
    const values = Object.fromEntries(Object.entries(row.values).map(([name, value]) => [name, per(value, people)]));
    rates.push({ ...row, total: per(row.total, people), values });
  }
  return { rows: rates, yearsWithoutPopulation: [...missing].sort((a, b) => a - b) };
}

/** "No population is given for 2021 and 2022, so those years are left out." */
export function missingPopulationNote(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  const list = years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
  return years.length === 1
    ? `No population is given for ${list}, so that year is left out of the rates.`
    : `No population is given for ${list}, so those years are left out of the rates.`;
}

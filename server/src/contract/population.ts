/**
 * The people living in an agency's jurisdiction by year: given in Settings (PATCH /api/agencies/:id,
 * `population`) or by Justice Counts staff for many agencies at once (PUT /admin/population, a CSV).
 * Rates per 100,000 residents divide counts by it.
 */
import { z } from 'zod';
import { text } from './common.ts';

export const POPULATION_LIMITS = {
  minYear: 1900,
  maxYear: 2100,
  /** Above the population of the United States, so any state or county fits. */
  maxPopulation: 400_000_000,
  /** Years one agency may list. */
  maxYears: 200,
  /** Characters of a staff CSV (some 20,000 lines). */
  maxCsvChars: 500_000,
  maxCsvLines: 20_000,
} as const;

export const populationYear = z
  .number()
  .int('must be a whole year such as 2024')
  .min(POPULATION_LIMITS.minYear, `must be a year from ${POPULATION_LIMITS.minYear} to ${POPULATION_LIMITS.maxYear}`)
  .max(POPULATION_LIMITS.maxYear, `must be a year from ${POPULATION_LIMITS.minYear} to ${POPULATION_LIMITS.maxYear}`);

export const populationCount = z
  .number()
  .int('must be a whole number of people')
  .min(1, 'must be at least 1 person')
  .max(POPULATION_LIMITS.maxPopulation, `must be at most ${POPULATION_LIMITS.maxPopulation.toLocaleString('en-US')}`);

export const populationEntry = z.object({ year: populationYear, population: populationCount });
export type PopulationEntry = z.infer<typeof populationEntry>;

/**
 * Typed text as a whole number ("120,500" too) within a schema's bounds, or the words of what is
 * wrong: the staff CSV and the Settings form read figures alike.
 */
export function readWholeNumber(text: string, schema: z.ZodNumber, notWhole: string): number | string {
  const digits = text.trim().replace(/,/g, '');
  if (!/^\d{1,12}$/.test(digits)) return notWhole;
  const checked = schema.safeParse(Number(digits));
  return checked.success ? checked.data : (checked.error.issues[0]?.message ?? notWhole);
}

/** An agency's whole list (the years left out are removed); each year at most once. */
export const populationList = z.array(populationEntry).max(POPULATION_LIMITS.maxYears);

/** Staff's CSV: a header row naming `agency` (id or exact name), `year` and `population`, then a row per agency and year. */
export const importPopulationBody = z.object({ csv: text.max(POPULATION_LIMITS.maxCsvChars) });
export type ImportPopulationBody = z.infer<typeof importPopulationBody>;
export const importPopulationResponse = z.object({ agencies: z.number(), years: z.number() });
export type ImportPopulationResponse = z.infer<typeof importPopulationResponse>;

/** Year ("2024") → people, in the public payloads. */
export const populationByYear = z.record(z.string(), z.number());

/**
 * The jurisdiction population an agency or staff gave, by year: read by Settings and the public
 * payloads, replaced by Settings, merged by the staff CSV.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { agencyPopulation } from '../schema.ts';

export interface PopulationYear {
  year: number;
  population: number;
}

/** Oldest year first. */
export async function loadAgencyPopulation(db: Executor, agencyId: number): Promise<PopulationYear[]> {
  return db
    .select({ year: agencyPopulation.year, population: agencyPopulation.population })
    .from(agencyPopulation)
    .where(eq(agencyPopulation.agencyId, agencyId))
    .orderBy(asc(agencyPopulation.year));
}

/** Year ("2024") → people, as the public payloads carry it. */
export function populationByYear(years: readonly PopulationYear[]): Record<string, number> {
  return Object.fromEntries(years.map((entry) => [String(entry.year), entry.population]));
}

/** The agency's list becomes exactly `years`. */
export async function replaceAgencyPopulation(
  tx: Executor,
  agencyId: number,
  years: readonly PopulationYear[],
): Promise<void> {
  await tx.delete(agencyPopulation).where(eq(agencyPopulation.agencyId, agencyId));
  if (years.length > 0) await tx.insert(agencyPopulation).values(years.map((entry) => ({ agencyId, ...entry })));
}

/** Sets the given years of the given agencies, keeping their other years. */
export async function mergeAgencyPopulation(
  tx: Executor,
  rows: readonly (PopulationYear & { agencyId: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(agencyPopulation)
    .values([...rows])
    .onConflictDoUpdate({
      target: [agencyPopulation.agencyId, agencyPopulation.year],
      set: { population: sql`excluded.population` },
    });
}

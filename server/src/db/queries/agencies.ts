/** Reads of agencies shared by more than one use case, and the one insert of an agency. */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { source } from '../schema.ts';
import { notFound } from '../../domain/errors.ts';

export type AgencyRow = typeof source.$inferSelect;

/**
 * The agencies and, for each superagency among them, its child agencies, without repeats and in
 * the order given (children after their parent); notFound for an id that is not an agency.
 */
export async function agenciesWithChildren(db: Executor, agencyIds: readonly number[]): Promise<number[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({ id: source.id, type: source.type, superAgencyId: source.superAgencyId, isSuper: source.isSuperagency })
    .from(source)
    .where(or(inArray(source.id, [...agencyIds]), inArray(source.superAgencyId, [...agencyIds])));
  const result = new Set<number>();
  for (const agencyId of agencyIds) {
    const agency = rows.find((row) => row.id === agencyId);
    if (!agency || agency.type !== 'agency') throw notFound(`Agency ${agencyId}`);
    result.add(agencyId);
    if (!agency.isSuper) continue;
    const children = rows.filter((row) => row.superAgencyId === agencyId && row.type === 'agency');
    for (const id of children.map((row) => row.id).sort((a, b) => a - b)) result.add(id);
  }
  return [...result];
}

/** The agency and its child agencies when it is a superagency; notFound when it does not exist. */
export const agencyWithChildren = (db: Executor, agencyId: number) => agenciesWithChildren(db, [agencyId]);

/** A superagency's child agencies, by name. */
export function childAgenciesOf(db: Executor, agencyId: number): Promise<AgencyRow[]> {
  return db
    .select()
    .from(source)
    .where(and(eq(source.superAgencyId, agencyId), eq(source.type, 'agency')))
    .orderBy(asc(source.name), asc(source.id));
}

/** Every agency (no vendors), by name: the admin panel's lists. */
export function allAgencies(db: Executor): Promise<AgencyRow[]> {
  return db.select().from(source).where(eq(source.type, 'agency')).orderBy(asc(source.name), asc(source.id));
}

/** The one insert of an agency: staff's create (createAgency) and the demo loader. */
export async function insertAgency(tx: Executor, fields: Omit<typeof source.$inferInsert, 'type'>): Promise<AgencyRow> {
  const [agency] = await tx
    .insert(source)
    .values({ ...fields, type: 'agency' })
    .returning();
  if (!agency) throw new Error('inserting the agency returned no row');
  return agency;
}

import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { abilitiesIn, membershipRole, type Abilities } from '../permissions.ts';

export interface MyAgency {
  id: number;
  name: string;
  systems: string[];
  role: AgencyRole | null;
  isSuperagency: boolean;
  superAgencyId: number | null;
  stateCode: string | null;
  /** Its public dashboard is on. */
  isDashboardEnabled: boolean;
  /** What the actor may do there, by the permission table. */
  abilities: Abilities;
}

/** The agencies the actor belongs to, by name, with the role that applies in each (see membershipRole) and what the actor may do there. */
export async function findMyAgencies(db: Executor, actor: Actor): Promise<MyAgency[]> {
  const ids = [...actor.memberships.keys()];
  if (ids.length === 0) return [];
  const rows = await db.select().from(source).where(inArray(source.id, ids)).orderBy(asc(source.name));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    systems: row.systems ?? [],
    role: membershipRole(actor, row) ?? null,
    isSuperagency: row.isSuperagency ?? false,
    superAgencyId: row.superAgencyId,
    stateCode: row.stateCode,
    isDashboardEnabled: row.isDashboardEnabled === true,
    abilities: abilitiesIn(actor, row),
  }));
}

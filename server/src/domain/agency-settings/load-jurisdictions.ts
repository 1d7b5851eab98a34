/** The places an agency serves and leaves out, as Census GEOIDs, in the order they were chosen. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyJurisdictions } from '../../db/schema.ts';

export interface Jurisdictions {
  included: string[];
  excluded: string[];
}

export async function loadJurisdictions(db: Executor, agencyId: number): Promise<Jurisdictions> {
  const rows = await db
    .select({ membership: agencyJurisdictions.membership, geoid: agencyJurisdictions.geoid })
    .from(agencyJurisdictions)
    .where(eq(agencyJurisdictions.sourceId, agencyId))
    .orderBy(agencyJurisdictions.id);
  const of = (membership: string) =>
    rows.flatMap((row) => (row.membership === membership && row.geoid !== null ? [row.geoid] : []));
  return { included: of('INCLUDE'), excluded: of('EXCLUDE') };
}

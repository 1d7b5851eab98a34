/**
 * The agency the person opened last (their membership with the latest page visit), where sign-in
 * takes them; null before they have opened any. Visits to a superagency's child agencies have no
 * membership row of their own, so they count for nothing here.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';

export async function findLastVisitedAgency(db: Executor, actor: Actor): Promise<number | null> {
  if (actor.userId === null) return null;
  const [row] = await db
    .select({ agencyId: agencyUserAccountAssociation.agencyId })
    .from(agencyUserAccountAssociation)
    .where(
      and(
        eq(agencyUserAccountAssociation.userAccountId, actor.userId),
        isNotNull(agencyUserAccountAssociation.lastVisit),
      ),
    )
    .orderBy(desc(agencyUserAccountAssociation.lastVisit))
    .limit(1);
  return row?.agencyId ?? null;
}

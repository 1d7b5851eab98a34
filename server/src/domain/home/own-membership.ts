/** The actor's own membership row in an agency, as a query condition; none for the system. */
import { and, eq, type SQL } from 'drizzle-orm';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';

export function ownMembershipWhere(actor: Actor, agencyId: number): SQL | undefined {
  if (actor.userId === null) return undefined;
  return and(
    eq(agencyUserAccountAssociation.agencyId, agencyId),
    eq(agencyUserAccountAssociation.userAccountId, actor.userId),
  );
}

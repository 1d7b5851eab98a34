/** Finds a member of an agency by email, as the viewer is allowed to see them. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, userAccount } from '../../db/schema.ts';
import type { AgencyRole } from '../actor.ts';
import { notFound } from '../errors.ts';
import { isVisibleMember } from './team-rules.ts';

export interface Member {
  userId: number;
  email: string | null;
  role: AgencyRole | null;
  invitationStatus: string | null;
}

/** The member with this email; not found when absent or hidden from this viewer. */
export async function getMemberByEmail(
  db: Executor,
  agencyId: number,
  email: string,
  viewerRole: AgencyRole | null,
): Promise<Member> {
  const [row] = await db
    .select({
      userId: userAccount.id,
      email: userAccount.email,
      isPlatformAdmin: userAccount.isPlatformAdmin,
      role: agencyUserAccountAssociation.role,
      invitationStatus: agencyUserAccountAssociation.invitationStatus,
    })
    .from(agencyUserAccountAssociation)
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(and(eq(agencyUserAccountAssociation.agencyId, agencyId), sql`lower(${userAccount.email}) = ${email}`));
  if (!row || !isVisibleMember(viewerRole, row.role, row.isPlatformAdmin)) {
    throw notFound(`A member with the email ${email} in agency ${agencyId}`);
  }
  return { userId: row.userId, email: row.email, role: row.role, invitationStatus: row.invitationStatus };
}

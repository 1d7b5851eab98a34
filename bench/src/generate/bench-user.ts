/** The signed-in user every benchmark request acts as: an agency admin of a few agencies. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../server/src/db/database.ts';
import { agencyUserAccountAssociation, userAccount } from '../../../server/src/db/schema.ts';
import { createSession } from '../../../server/src/domain/auth/sessions.ts';

export interface BenchUser {
  userId: number;
  /** Value of the `jc_session` cookie. */
  sessionToken: string;
}

export async function createBenchUser(database: Database, agencyIds: readonly number[]): Promise<BenchUser> {
  const { db } = database;
  const [user] = await db
    .insert(userAccount)
    .values({ email: `bench-${Date.now()}@example.test`, name: 'Bench User', emailVerifiedAt: new Date() })
    .returning({ id: userAccount.id });
  if (!user) throw new Error('bench: could not create the bench user');
  await db.insert(agencyUserAccountAssociation).values(
    agencyIds.map((agencyId) => ({
      agencyId,
      userAccountId: user.id,
      role: 'AGENCY_ADMIN' as const,
      invitationStatus: 'ACCEPTED' as const,
    })),
  );
  const { token } = await createSession(db, user.id, new Date());
  await db.execute(sql`analyze user_account, agency_user_account_association, session`);
  return { userId: user.id, sessionToken: token };
}

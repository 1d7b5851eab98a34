/** Personal API tokens: `jc_pat_…` bearer tokens for scripts, hashed at rest, one agency each. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { apiToken } from '../../db/schema.ts';
import { loadActor, type Actor } from '../actor.ts';
import { hashToken } from './tokens.ts';

export const API_TOKEN_PREFIX = 'jc_pat_';

export async function actorFromApiToken(db: Executor, token: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.tokenHash, hashToken(token)), isNull(apiToken.revokedAt)));
  if (!row) return undefined;
  await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
  return loadActor(db, row.userAccountId, 'api_token', row.agencyId);
}

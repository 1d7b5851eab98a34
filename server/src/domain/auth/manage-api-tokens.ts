/**
 * Personal API tokens for scripts that upload data: created by an agency editor for one agency,
 * shown once, stored as a hash, listed without secrets, revocable by their owner or an agency
 * admin. A token acts with its owner's current role in that agency, so leaving the agency
 * disables it too.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { apiToken, userAccount } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertNotApiToken, can, getAgencyForAction } from '../permissions.ts';
import { API_TOKEN_PREFIX } from './api-tokens.ts';
import { hashToken, newSecretToken } from './tokens.ts';

export interface ApiTokenSummary {
  id: number;
  name: string;
  agencyId: number;
  ownerName: string | null;
  ownerEmail: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

function signedInUser(actor: Actor): number {
  assertNotApiToken(actor, 'manage API tokens');
  if (actor.userId === null) throw notFound('Your user account');
  return actor.userId;
}

export async function createApiToken(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; name: string; now: Date },
): Promise<{ summary: ApiTokenSummary; token: string }> {
  const userId = signedInUser(actor);
  const agency = await getAgencyForAction(db, actor, 'api_tokens.manage', input.agencyId);
  const token = newSecretToken(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiToken)
    .values({
      userAccountId: userId,
      agencyId: agency.id,
      name: input.name,
      tokenHash: hashToken(token),
      createdAt: input.now,
    })
    .returning();
  if (!row) throw new Error('inserting the API token returned no row');
  const summary = { ...row, ownerName: actor.name, ownerEmail: actor.email };
  return { summary, token };
}

/** The actor's own live tokens for the agency; agency admins see everyone's. */
export async function findApiTokens(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<ApiTokenSummary[]> {
  const userId = signedInUser(actor);
  const agency = await getAgencyForAction(db, actor, 'api_tokens.manage', input.agencyId);
  const seesAll = can(actor, 'team.manage', agency);
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      agencyId: apiToken.agencyId,
      ownerName: userAccount.name,
      ownerEmail: userAccount.email,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
    })
    .from(apiToken)
    .innerJoin(userAccount, eq(userAccount.id, apiToken.userAccountId))
    .where(
      and(
        eq(apiToken.agencyId, agency.id),
        isNull(apiToken.revokedAt),
        seesAll ? undefined : eq(apiToken.userAccountId, userId),
      ),
    )
    .orderBy(asc(apiToken.createdAt), asc(apiToken.id));
}

export async function revokeApiToken(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; tokenId: number; now: Date },
): Promise<void> {
  const userId = signedInUser(actor);
  const agency = await getAgencyForAction(db, actor, 'api_tokens.manage', input.agencyId);
  const [row] = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.id, input.tokenId), eq(apiToken.agencyId, agency.id), isNull(apiToken.revokedAt)));
  if (!row || (row.userAccountId !== userId && !can(actor, 'team.manage', agency))) {
    throw notFound(`API token ${input.tokenId} in agency ${agency.id}`);
  }
  await db.update(apiToken).set({ revokedAt: input.now }).where(eq(apiToken.id, row.id));
}

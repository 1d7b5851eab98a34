/**
 * Server-side sessions in PostgreSQL, so sign-out and revocation work and every server instance
 * sees them. The cookie holds a random token; the table keeps only its hash.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { preparedPerExecutor } from '../../db/prepared.ts';
import { apiToken, session, userAccount } from '../../db/schema.ts';
import { actorColumns, actorFromRow, type Actor } from '../actor.ts';
import { hashToken, newSecretToken } from './tokens.ts';

export const SESSION_COOKIE = 'jc_session';
/** Signed out after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Signed out after this long whatever happens. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionRow = typeof session.$inferSelect;

export async function createSession(db: Executor, userAccountId: number, now: Date): Promise<{ token: string }> {
  const token = newSecretToken();
  await db.insert(session).values({
    id: hashToken(token),
    userAccountId,
    csrfSecret: newSecretToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
  });
  return { token };
}

export interface LiveSession {
  session: SessionRow;
  actor: Actor;
}

/**
 * The session, its user and their memberships in one prepared query: it runs on every signed-in
 * request (docs/performance.md, cause 5).
 */
const sessionQuery = preparedPerExecutor((db) =>
  db
    .select({ session, user: actorColumns })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userAccountId))
    .where(eq(session.id, sql.placeholder('id')))
    .prepare('jc_live_session'),
);

/** The live session for a cookie token and who it acts for, or undefined (unknown, idle too long, or expired). */
export async function findLiveSession(db: Executor, token: string, now: Date): Promise<LiveSession | undefined> {
  const id = hashToken(token);
  const [row] = await sessionQuery(db).execute({ id });
  if (!row) return undefined;
  const at = now.getTime();
  const { lastSeenAt, expiresAt } = row.session;
  if (expiresAt.getTime() <= at || lastSeenAt.getTime() + SESSION_IDLE_MS <= at) {
    await db.delete(session).where(eq(session.id, id));
    return undefined;
  }
  if (at - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
  }
  return { session: row.session, actor: actorFromRow(row.user, 'session') };
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.delete(session).where(eq(session.id, hashToken(token)));
}

/**
 * Signs a user out everywhere and revokes their API tokens, after a password reset or when they
 * ask: whoever held the old password may have made a token with it.
 */
export async function endAllAccess(
  db: Executor,
  userAccountId: number,
  now: Date,
): Promise<{ sessions: number; apiTokens: number }> {
  const sessions = await db
    .delete(session)
    .where(eq(session.userAccountId, userAccountId))
    .returning({ id: session.id });
  const tokens = await db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.userAccountId, userAccountId), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return { sessions: sessions.length, apiTokens: tokens.length };
}

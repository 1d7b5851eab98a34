/**
 * Single-use links sent by email (invitations, password resets, email changes), and the token
 * that carries a password sign-in over to its two-factor step. The person holds a random token;
 * the table keeps its hash, its expiry and when it was used.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { authToken } from '../schema.ts';
import { invalid } from '../../domain/errors.ts';
import { hashToken, newSecretToken } from '../../domain/auth/tokens.ts';

export type EmailTokenKind = 'INVITATION' | 'PASSWORD_RESET' | 'EMAIL_VERIFICATION' | 'SIGN_IN_STEP';
export type EmailTokenRow = typeof authToken.$inferSelect;

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const SIGN_IN_STEP_TTL_MS = 10 * 60 * 1000;

const WHAT: Record<EmailTokenKind, { name: string; retry: string }> = {
  INVITATION: { name: 'invitation link', retry: 'ask an admin of your agency to invite you again' },
  PASSWORD_RESET: { name: 'password reset link', retry: 'request a new one from the sign-in page' },
  EMAIL_VERIFICATION: { name: 'email confirmation link', retry: 'change your email again in Settings' },
  SIGN_IN_STEP: { name: 'sign-in', retry: 'sign in again with your email and password' },
};

export interface IssueEmailTokenInput {
  kind: EmailTokenKind;
  userAccountId: number;
  ttlMs: number;
  agencyId?: number | null;
  newEmail?: string | null;
  now: Date;
}

/** Creates a link token, retiring the user's earlier unused ones of the same kind. */
export async function issueEmailToken(db: Executor, input: IssueEmailTokenInput): Promise<string> {
  const token = newSecretToken();
  await retireEmailTokens(db, input.kind, input.userAccountId, input.now);
  await db.insert(authToken).values({
    kind: input.kind,
    tokenHash: hashToken(token),
    userAccountId: input.userAccountId,
    agencyId: input.agencyId ?? null,
    newEmail: input.newEmail ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.ttlMs),
  });
  return token;
}

/** Marks every unused token of this kind for the user as used, so old links stop working. */
export async function retireEmailTokens(db: Executor, kind: EmailTokenKind, userAccountId: number, now: Date) {
  await db
    .update(authToken)
    .set({ usedAt: now })
    .where(and(eq(authToken.kind, kind), eq(authToken.userAccountId, userAccountId), isNull(authToken.usedAt)));
}

/** The token's row if it is usable now; otherwise a 400 that says why and what to do. */
export async function findUsableEmailToken(
  db: Executor,
  kind: EmailTokenKind,
  token: string,
  now: Date,
): Promise<EmailTokenRow> {
  const [row] = await db
    .select()
    .from(authToken)
    .where(and(eq(authToken.tokenHash, hashToken(token)), eq(authToken.kind, kind)));
  const what = WHAT[kind];
  if (!row) throw invalid('token', `this ${what.name} is not valid; check you copied all of it, or ${what.retry}`);
  if (row.usedAt) throw invalid('token', `this ${what.name} has already been used or replaced; ${what.retry}`);
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw invalid('token', `this ${what.name} expired on ${row.expiresAt.toISOString()}; ${what.retry}`);
  }
  return row;
}

/**
 * Uses the token up. Call inside the transaction that acts on it: the conditional update lets
 * only one of two simultaneous requests through.
 */
export async function consumeEmailToken(
  tx: Executor,
  kind: EmailTokenKind,
  token: string,
  now: Date,
): Promise<EmailTokenRow> {
  const row = await findUsableEmailToken(tx, kind, token, now);
  const [used] = await tx
    .update(authToken)
    .set({ usedAt: now })
    .where(and(eq(authToken.id, row.id), isNull(authToken.usedAt)))
    .returning();
  if (!used) throw invalid('token', `this ${WHAT[kind].name} has already been used; ${WHAT[kind].retry}`);
  return used;
}

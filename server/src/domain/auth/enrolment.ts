/**
 * Turning two-factor sign-in on: a new secret is kept as a pending enrolment and shown once (as
 * a QR code and as text); it takes effect when the person enters a code their app made from it,
 * and then they get fresh recovery codes, shown once and kept only as hashes.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { twoFactor, twoFactorRecoveryCode, userAccount } from '../../db/schema.ts';
import { countCodeAttempt, clearCodeAttempts } from './login-throttle.ts';
import { DomainError, invalid } from '../errors.ts';
import {
  enrolmentLink,
  hashRecoveryCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  qrRows,
  RECOVERY_CODE_COUNT,
} from './totp-rules.ts';

export interface Enrolment {
  secret: string;
  link: string;
  qrRows: string[];
}

const alreadyOn = () => new DomainError('conflict', 'Two-factor sign-in is already on for this account.');

/** Starts (or restarts) an enrolment; refused when two-factor sign-in is already on. */
export async function startEnrolment(db: Executor, userId: number, now: Date): Promise<Enrolment> {
  const secret = newTotpSecret();
  const [user] = await db.select({ email: userAccount.email }).from(userAccount).where(eq(userAccount.id, userId));
  const [row] = await db
    .insert(twoFactor)
    .values({ userAccountId: userId, secret, createdAt: now })
    .onConflictDoUpdate({
      target: twoFactor.userAccountId,
      set: { secret, createdAt: now, lastUsedStep: null },
      setWhere: isNull(twoFactor.confirmedAt),
    })
    .returning({ secret: twoFactor.secret });
  if (!row) throw alreadyOn();
  const link = enrolmentLink(secret, user?.email ?? `user ${userId}`);
  return { secret, link, qrRows: qrRows(link) };
}

/** Replaces every recovery code of the person with new ones, returned in clear this once. */
export async function replaceRecoveryCodes(tx: Executor, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(twoFactorRecoveryCode).where(eq(twoFactorRecoveryCode.userAccountId, userId));
  await tx
    .insert(twoFactorRecoveryCode)
    .values(codes.map((code) => ({ userAccountId: userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Confirms the pending enrolment with a code from the app; returns the recovery codes. */
export async function confirmEnrolment(
  db: Executor,
  input: { userId: number; code: string; now: Date },
): Promise<string[]> {
  const [pending] = await db.select().from(twoFactor).where(eq(twoFactor.userAccountId, input.userId));
  if (pending?.confirmedAt) throw alreadyOn();
  if (!pending) throw new DomainError('conflict', 'Start setting up two-factor sign-in first.');
  await countCodeAttempt(db, input.userId, input.now);
  const step = matchingStep(pending.secret, input.code, input.now);
  if (step === undefined) throw invalid('code', 'does not match; enter the six-digit code your app shows now');
  return db.transaction(async (tx) => {
    const [confirmed] = await tx
      .update(twoFactor)
      .set({ confirmedAt: input.now, lastUsedStep: step })
      .where(and(eq(twoFactor.userAccountId, input.userId), isNull(twoFactor.confirmedAt)))
      .returning({ id: twoFactor.userAccountId });
    if (!confirmed) throw alreadyOn();
    await clearCodeAttempts(tx, input.userId);
    return replaceRecoveryCodes(tx, input.userId);
  });
}

/** Turns two-factor sign-in off: the secret and the recovery codes are deleted. */
export async function removeTwoFactor(tx: Executor, userId: number): Promise<void> {
  await tx.delete(twoFactor).where(eq(twoFactor.userAccountId, userId));
  await tx.delete(twoFactorRecoveryCode).where(eq(twoFactorRecoveryCode.userAccountId, userId));
}

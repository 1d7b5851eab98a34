/**
 * Checks a code entered for a person with two-factor sign-in: a six-digit code from their app,
 * accepted once (a code whose step is not later than the last accepted one is refused, so a code
 * seen over someone's shoulder cannot be used again), or one of their recovery codes, used up.
 * Every check is counted against the sign-in throttle first.
 */
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { twoFactor, twoFactorRecoveryCode } from '../../db/schema.ts';
import { clearCodeAttempts, countCodeAttempt } from './login-throttle.ts';
import { DomainError } from '../errors.ts';
import { recordSecurityEvent } from '../../db/queries/security-events.ts';
import { hashRecoveryCode, isTotpCode, matchingStep } from './totp-rules.ts';

export type SecondFactor = 'totp' | 'recovery_code';

export interface CodeCheck {
  userId: number;
  code: string;
  clientIp: string | null;
  now: Date;
}

export const wrongCode = () =>
  new DomainError('unauthenticated', 'That code is not right. Enter the code your app shows now, or a recovery code.');

async function useTotpCode(db: Executor, userId: number, code: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ secret: twoFactor.secret })
    .from(twoFactor)
    .where(and(eq(twoFactor.userAccountId, userId), isNotNull(twoFactor.confirmedAt)));
  const step = row && matchingStep(row.secret, code, now);
  if (step === undefined) return false;
  const [accepted] = await db
    .update(twoFactor)
    .set({ lastUsedStep: step })
    .where(
      and(eq(twoFactor.userAccountId, userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))),
    )
    .returning({ step: twoFactor.lastUsedStep });
  if (!accepted) {
    throw new DomainError('unauthenticated', 'That code was used already. Wait for your app to show the next one.');
  }
  return true;
}

async function useRecoveryCode(db: Executor, userId: number, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(twoFactorRecoveryCode)
    .set({ usedAt: now })
    .where(
      and(
        eq(twoFactorRecoveryCode.userAccountId, userId),
        eq(twoFactorRecoveryCode.codeHash, hashRecoveryCode(code)),
        isNull(twoFactorRecoveryCode.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCode.id });
  return used.length > 0;
}

/** Which kind of code was right; throws 401 for a wrong or replayed code, 429 when throttled. */
export async function checkSecondFactor(db: Executor, check: CodeCheck): Promise<SecondFactor> {
  await countCodeAttempt(db, check.userId, check.now);
  if (isTotpCode(check.code)) {
    if (!(await useTotpCode(db, check.userId, check.code, check.now))) throw wrongCode();
  } else if (await useRecoveryCode(db, check.userId, check.code, check.now)) {
    const event = { kind: 'two_factor_recovery_code_used', userId: check.userId, clientIp: check.clientIp } as const;
    await recordSecurityEvent(db, { ...event, at: check.now });
  } else {
    throw wrongCode();
  }
  await clearCodeAttempts(db, check.userId);
  return isTotpCode(check.code) ? 'totp' : 'recovery_code';
}

/**
 * Whether a person has two-factor sign-in, and whether they must: Justice Counts staff always,
 * members of an agency whose admin requires it (the REQUIRE_TWO_FACTOR agency setting).
 */
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import {
  agencySetting,
  agencyUserAccountAssociation as membership,
  twoFactor,
  twoFactorRecoveryCode,
  userAccount,
} from '../../db/schema.ts';

export type RequiredBy = 'staff' | 'agency' | null;

export interface TwoFactorState {
  enabled: boolean;
  requiredBy: RequiredBy;
  /** Single sign-on accounts have no password here; their provider's own checks apply. */
  hasPassword: boolean;
  recoveryCodesLeft: number;
}

export const REQUIRE_TWO_FACTOR = 'REQUIRE_TWO_FACTOR';

const agencyRequires = (userId: number) => sql<boolean>`exists (
  select 1 from ${membership} join ${agencySetting} on ${agencySetting.sourceId} = ${membership.agencyId}
  where ${membership.userAccountId} = ${userId}
    and ${agencySetting.settingType} = ${REQUIRE_TWO_FACTOR} and ${agencySetting.value} = 'true'::jsonb)`;

export async function loadTwoFactorState(db: Executor, userId: number): Promise<TwoFactorState> {
  const [user] = await db
    .select({
      isStaff: userAccount.isPlatformAdmin,
      hasPassword: isNotNull(userAccount.passwordHash),
      enabled: isNotNull(twoFactor.confirmedAt),
      agencyRequires: agencyRequires(userId),
    })
    .from(userAccount)
    .leftJoin(twoFactor, eq(twoFactor.userAccountId, userAccount.id))
    .where(eq(userAccount.id, userId));
  if (!user) throw new Error(`user ${userId} does not exist`);
  const [codes] = await db
    .select({ n: count() })
    .from(twoFactorRecoveryCode)
    .where(and(eq(twoFactorRecoveryCode.userAccountId, userId), isNull(twoFactorRecoveryCode.usedAt)));
  return {
    enabled: user.enabled === true,
    requiredBy: user.isStaff ? 'staff' : user.agencyRequires ? 'agency' : null,
    hasPassword: user.hasPassword === true,
    recoveryCodesLeft: codes?.n ?? 0,
  };
}

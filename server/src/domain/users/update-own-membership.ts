/**
 * A member's own preferences in an agency: when they last visited (page_visit) and whether they
 * get reminder emails (subscription). Each user changes only their own; a member through a
 * superagency has no membership row of their own here, so there is nothing to record.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { forbidden, notFound } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';

export interface OwnMembershipInput {
  agencyId: number;
  userId: number;
}

async function ownMembership(db: Executor, actor: Actor, input: OwnMembershipInput, what: string) {
  const agency = await getAgencyForAction(db, actor, 'membership.edit_own', input.agencyId);
  if (input.userId !== actor.userId) {
    throw forbidden(`You can only change your own ${what} (you are user ${actor.userId}).`);
  }
  return and(
    eq(agencyUserAccountAssociation.agencyId, agency.id),
    eq(agencyUserAccountAssociation.userAccountId, input.userId),
  );
}

export async function recordPageVisit(db: Executor, actor: Actor, input: OwnMembershipInput & { now: Date }) {
  const where = await ownMembership(db, actor, input, 'page visits');
  await db.update(agencyUserAccountAssociation).set({ lastVisit: input.now }).where(where);
}

export interface SubscriptionInput extends OwnMembershipInput {
  isSubscribed: boolean;
  daysAfterTimePeriodToSendEmail?: number | null | undefined;
}

export async function updateSubscription(db: Executor, actor: Actor, input: SubscriptionInput) {
  const where = await ownMembership(db, actor, input, 'email subscription');
  const changes: Partial<typeof agencyUserAccountAssociation.$inferInsert> = { subscribed: input.isSubscribed };
  if (input.daysAfterTimePeriodToSendEmail !== undefined) {
    changes.daysAfterTimePeriodToSendEmail = input.daysAfterTimePeriodToSendEmail;
  }
  const updated = await db.update(agencyUserAccountAssociation).set(changes).where(where).returning();
  if (updated.length === 0) {
    throw notFound(`Your own membership of agency ${input.agencyId} (members through a superagency subscribe there)`);
  }
}

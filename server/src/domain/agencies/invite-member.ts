/**
 * An agency member invites someone by name and email: the person gets an account if they have
 * none, a pending membership of the agency (and of its children, for a superagency), and an
 * email with a single-use link to accept. Inviting a pending member again sends a fresh link.
 * When the mail server refuses the email, the membership is marked ERRORED (the team list says
 * "Invitation failed") and the inviter is told; inviting again retries.
 */
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, userAccount } from '../../db/schema.ts';
import type { Mailer } from '../../ports.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { INVITATION_TTL_MS, issueEmailToken } from '../../db/queries/email-tokens.ts';
import { invitationEmail, linkTo } from '../../email/messages.ts';
import { DomainError } from '../errors.ts';
import { effectiveRole, getAgencyForAction } from '../permissions.ts';
import { checkEmail, checkUserName } from '../users/user-rules.ts';
import { inviteRole } from './team-rules.ts';
import { agencyWithChildren } from '../../db/queries/agencies.ts';
import { findUserIdByEmail, setInvitationStatus } from '../../db/queries/users.ts';
import { and, eq } from 'drizzle-orm';

export interface InviteMemberInput {
  agencyId: number;
  name: string;
  email: string;
  role?: AgencyRole | undefined;
  now: Date;
}

export interface InviteDeps {
  mailer: Mailer;
  publicUrl: string;
}

async function membershipStatus(db: Executor, agencyId: number, userId: number) {
  const [row] = await db
    .select({ status: agencyUserAccountAssociation.invitationStatus })
    .from(agencyUserAccountAssociation)
    .where(
      and(eq(agencyUserAccountAssociation.agencyId, agencyId), eq(agencyUserAccountAssociation.userAccountId, userId)),
    );
  return row ? { status: row.status } : undefined;
}

export async function inviteMember(db: Executor, actor: Actor, input: InviteMemberInput, deps: InviteDeps) {
  const agency = await getAgencyForAction(db, actor, 'team.invite', input.agencyId);
  const email = checkEmail(input.email);
  const name = checkUserName(input.name);
  const role = inviteRole(effectiveRole(actor, agency) ?? null, input.role);
  const existingId = await findUserIdByEmail(db, email);
  const existing = existingId === undefined ? undefined : await membershipStatus(db, agency.id, existingId);
  if (existing && existing.status !== 'PENDING' && existing.status !== 'ERRORED') {
    throw new DomainError('conflict', `A user with the email ${email} already belongs to this agency.`);
  }
  const agencyIds = await agencyWithChildren(db, agency.id);
  const { userId, token } = await db.transaction(async (tx) => {
    const userId = existingId ?? (await insertUser(tx, name, email));
    await tx
      .insert(agencyUserAccountAssociation)
      .values(
        agencyIds.map((agencyId) => ({ agencyId, userAccountId: userId, role, invitationStatus: 'PENDING' as const })),
      )
      .onConflictDoNothing();
    await setInvitationStatus(tx, { userId, agencyIds, from: 'ERRORED', to: 'PENDING' });
    const token = await issueEmailToken(tx, {
      kind: 'INVITATION',
      userAccountId: userId,
      agencyId: agency.id,
      ttlMs: INVITATION_TTL_MS,
      now: input.now,
    });
    return { userId, token };
  });
  const message = invitationEmail({
    to: email,
    inviteeName: name,
    inviterName: actor.name,
    agencyName: agency.name,
    link: linkTo(deps.publicUrl, 'accept-invite', token),
  });
  await deps.mailer.send(message).catch(async () => {
    await setInvitationStatus(db, { userId, agencyIds, from: 'PENDING', to: 'ERRORED' });
    throw new DomainError(
      'email_failed',
      `${name} was added to the team, but the invitation email to ${email} could not be sent. ` +
        'Check the address and invite them again.',
    );
  });
  return { userId, role };
}

async function insertUser(tx: Executor, name: string, email: string): Promise<number> {
  const [user] = await tx.insert(userAccount).values({ name, email }).returning({ id: userAccount.id });
  if (!user) throw new Error('inserting the invited user returned no row');
  return user.id;
}

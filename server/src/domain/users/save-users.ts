/**
 * Justice Counts staff create or edit users and choose the agencies each belongs to (admin panel,
 * PUT /admin/user). Listing a superagency also gives its child agencies, as in the reference; a
 * user ends up in exactly the listed agencies and their children. New memberships get the role
 * AGENCY_ADMIN (roles are changed per agency on the agency's team); existing ones keep theirs.
 * Everything is written in one transaction; new users are then emailed an invitation.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../db/schema.ts';
import type { Mailer } from '../../ports.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { invitationEmail, linkTo } from '../../email/messages.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { agenciesOfUsers, type UserWithAgencies } from './find-users.ts';
import { accessChanges, checkEmail, checkUserName } from './user-rules.ts';
import { setInvitationStatus, findUserIdByEmail, insertUserWithAgencies } from '../../db/queries/users.ts';
import { agenciesWithChildren } from '../../db/queries/agencies.ts';

export const NEW_MEMBER_ROLE: AgencyRole = 'AGENCY_ADMIN';

export interface SaveUserInput {
  /** Absent or null: create a user. */
  userId?: number | null | undefined;
  name: string;
  email: string;
  agencyIds: readonly number[];
}

export interface SaveUsersDeps {
  mailer: Mailer;
  publicUrl: string;
}

interface Invitation {
  userId: number;
  email: string;
  name: string;
  agencyIds: number[];
  token: string;
}

async function createOne(tx: Executor, input: SaveUserInput, index: number, now: Date) {
  const email = checkEmail(input.email);
  const existing = await findUserIdByEmail(tx, email);
  if (existing !== undefined) {
    throw new DomainError('conflict', `A user with the email ${email} already exists (id ${existing}).`, [
      { field: `users.${index}.email`, message: 'belongs to another user' },
    ]);
  }
  const name = checkUserName(input.name);
  const agencyIds = await agenciesWithChildren(tx, input.agencyIds);
  const account = { email, name, passwordHash: null, isPlatformAdmin: false, role: NEW_MEMBER_ROLE, agencyIds };
  const { userId, invitationToken } = await insertUserWithAgencies(tx, account, now);
  const invitation = invitationToken && { userId, email, name, agencyIds, token: invitationToken };
  return { userId, invitation };
}

async function updateOne(tx: Executor, input: SaveUserInput & { userId: number }, index: number) {
  const [user] = await tx.select().from(userAccount).where(eq(userAccount.id, input.userId));
  if (!user) throw notFound(`User ${input.userId}`);
  if (checkEmail(input.email) !== user.email?.toLowerCase()) {
    throw invalid(`users.${index}.email`, `cannot be changed here (the user's email is ${user.email ?? 'not set'})`);
  }
  await tx
    .update(userAccount)
    .set({ name: checkUserName(input.name) })
    .where(eq(userAccount.id, user.id));
  const current = (await agenciesOfUsers(tx, [user.id])).get(user.id)?.map((agency) => agency.id) ?? [];
  const { add, remove } = accessChanges(current, await agenciesWithChildren(tx, input.agencyIds));
  const invitationStatus = user.passwordHash ? ('ACCEPTED' as const) : ('PENDING' as const);
  if (add.length > 0) {
    await tx
      .insert(agencyUserAccountAssociation)
      .values(add.map((agencyId) => ({ agencyId, userAccountId: user.id, role: NEW_MEMBER_ROLE, invitationStatus })));
  }
  if (remove.length > 0) {
    await tx
      .delete(agencyUserAccountAssociation)
      .where(
        and(
          eq(agencyUserAccountAssociation.userAccountId, user.id),
          inArray(agencyUserAccountAssociation.agencyId, remove),
        ),
      );
  }
  return user.id;
}

async function sendInvitations(db: Executor, actor: Actor, invitations: Invitation[], deps: SaveUsersDeps) {
  for (const invitation of invitations) {
    const first = invitation.agencyIds[0];
    const [agency] = first ? await db.select({ name: source.name }).from(source).where(eq(source.id, first)) : [];
    const message = invitationEmail({
      to: invitation.email,
      inviteeName: invitation.name,
      inviterName: actor.name,
      agencyName: agency?.name ?? 'Justice Counts',
      link: linkTo(deps.publicUrl, 'accept-invite', invitation.token),
    });
    await deps.mailer.send(message).catch(async () => {
      const { userId, agencyIds } = invitation;
      await setInvitationStatus(db, { userId, agencyIds, from: 'PENDING', to: 'ERRORED' });
      throw new DomainError(
        'email_failed',
        `${invitation.name} was created, but the invitation email to ${invitation.email} could not be sent. ` +
          'Check the address, then invite them again from the agency team.',
      );
    });
  }
}

export async function saveUsers(
  db: Executor,
  actor: Actor,
  { users: inputs, now }: { users: readonly SaveUserInput[]; now: Date },
  deps: SaveUsersDeps,
): Promise<UserWithAgencies[]> {
  assertPlatformAdmin(actor);
  const invitations: Invitation[] = [];
  const userIds = await db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const [index, input] of inputs.entries()) {
      if (input.userId === undefined || input.userId === null) {
        const created = await createOne(tx, input, index, now);
        if (created.invitation) invitations.push(created.invitation);
        ids.push(created.userId);
      } else {
        ids.push(await updateOne(tx, { ...input, userId: input.userId }, index));
      }
    }
    return ids;
  });
  await sendInvitations(db, actor, invitations, deps);
  const users = await db.select().from(userAccount).where(inArray(userAccount.id, userIds));
  const agencies = await agenciesOfUsers(db, userIds);
  return userIds.map((id) => ({ user: users.find((user) => user.id === id)!, agencies: agencies.get(id) ?? [] }));
}

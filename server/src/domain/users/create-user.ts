/**
 * Justice Counts staff create a user and give them a role in an agency (admin panel,
 * `jc create-user`). Membership of a superagency includes its child agencies, as in the reference.
 * With a password the account can sign in at once; without one it gets an invitation token for
 * the caller to hand over (the CLI prints the link).
 */
import { inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { INVITATION_TTL_MS, issueEmailToken } from '../auth/email-tokens.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { hashPassword } from './password.ts';
import { checkEmail, checkRole, checkUserName } from './user-rules.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  agencyId: number;
  role: string;
  password?: string | undefined;
  isPlatformAdmin?: boolean;
  now: Date;
}

export interface CreatedUser {
  id: number;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  role: AgencyRole;
  /** The agency and, for a superagency, its children. */
  agencyIds: number[];
  hasPassword: boolean;
  /** The single-use invitation token when no password was given; null otherwise. */
  invitationToken: string | null;
}

/**
 * The agencies and, for each superagency among them, its child agencies, without repeats and in
 * the order given (children after their parent); notFound for an id that is not an agency.
 */
export async function agenciesWithChildren(db: Executor, agencyIds: readonly number[]): Promise<number[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({ id: source.id, type: source.type, superAgencyId: source.superAgencyId, isSuper: source.isSuperagency })
    .from(source)
    .where(or(inArray(source.id, [...agencyIds]), inArray(source.superAgencyId, [...agencyIds])));
  const result = new Set<number>();
  for (const agencyId of agencyIds) {
    const agency = rows.find((row) => row.id === agencyId);
    if (!agency || agency.type !== 'agency') throw notFound(`Agency ${agencyId}`);
    result.add(agencyId);
    if (!agency.isSuper) continue;
    const children = rows.filter((row) => row.superAgencyId === agencyId && row.type === 'agency');
    for (const id of children.map((row) => row.id).sort((a, b) => a - b)) result.add(id);
  }
  return [...result];
}

/** The agency and its child agencies when it is a superagency; notFound when it does not exist. */
export const agencyWithChildren = (db: Executor, agencyId: number) => agenciesWithChildren(db, [agencyId]);

export async function findUserIdByEmail(db: Executor, email: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${email.toLowerCase()}`);
  return row?.id;
}

export async function createUser(db: Executor, actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
  assertPlatformAdmin(actor);
  const email = checkEmail(input.email);
  const name = checkUserName(input.name);
  const role = checkRole(input.role);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const agencyIds = await agencyWithChildren(db, input.agencyId);
  const existing = await findUserIdByEmail(db, email);
  if (existing !== undefined) {
    throw new DomainError(
      'conflict',
      `A user with email ${email} already exists (id ${existing}); change their role or agency with update-user-role.`,
    );
  }
  const isPlatformAdmin = input.isPlatformAdmin ?? false;
  return db.transaction(async (tx) => {
    const account = { email, name, passwordHash, isPlatformAdmin, role, agencyIds };
    const { userId, invitationToken } = await insertUserWithAgencies(tx, account, input.now);
    return {
      id: userId,
      email,
      name,
      isPlatformAdmin,
      role,
      agencyIds,
      hasPassword: !invitationToken,
      invitationToken,
    };
  });
}

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string | null;
  isPlatformAdmin: boolean;
  role: AgencyRole;
  /** Already expanded with child agencies; may be empty. */
  agencyIds: readonly number[];
}

/**
 * Inserts the user and their memberships. Without a password the memberships are pending and an
 * invitation token (for the first agency, if any) is returned for the caller to send.
 */
export async function insertUserWithAgencies(
  tx: Executor,
  account: NewAccount,
  now: Date,
): Promise<{ userId: number; invitationToken: string | null }> {
  const { email, name, passwordHash, isPlatformAdmin, role } = account;
  const [user] = await tx.insert(userAccount).values({ email, name, passwordHash, isPlatformAdmin }).returning();
  if (!user) throw new Error('inserting the user returned no row');
  const invitationStatus = passwordHash ? ('ACCEPTED' as const) : ('PENDING' as const);
  if (account.agencyIds.length > 0) {
    await tx
      .insert(agencyUserAccountAssociation)
      .values(account.agencyIds.map((agencyId) => ({ agencyId, userAccountId: user.id, role, invitationStatus })));
  }
  if (passwordHash) return { userId: user.id, invitationToken: null };
  const agencyId = account.agencyIds[0] ?? null;
  const token = await issueEmailToken(tx, {
    kind: 'INVITATION',
    userAccountId: user.id,
    agencyId,
    ttlMs: INVITATION_TTL_MS,
    now,
  });
  return { userId: user.id, invitationToken: token };
}

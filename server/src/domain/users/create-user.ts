/**
 * Justice Counts staff create a user and give them a role in an agency (admin panel,
 * `jc create-user`). Membership of a superagency includes its child agencies, as in the reference.
 * With a password the account can sign in at once; without one it gets an invitation token for
 * the caller to hand over (the CLI prints the link).
 */
import type { Executor } from '../../db/database.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { agencyWithChildren } from '../../db/queries/agencies.ts';
import { findUserIdByEmail, insertUserWithAgencies } from '../../db/queries/users.ts';
import { DomainError } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import { hashPassword } from '../../lib/password.ts';
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

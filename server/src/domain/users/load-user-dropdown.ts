/**
 * The Publisher's start-up call (PUT /api/user_dropdown): the user's id and agencies with their
 * switcher labels. Identity comes from the session, never from the request body; pending
 * invitations become accepted, as the reference did after a verified sign-in.
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { dropdownName } from '../agencies/dropdown-name-rules.ts';
import { notFound } from '../errors.ts';
import { findMyAgencies } from './find-my-agencies.ts';
import { acceptPendingInvitations } from '../../db/queries/users.ts';

export interface UserDropdown {
  userId: number;
  agencies: { agencyId: number; dropdownName: string }[];
}

export async function loadUserDropdown(db: Executor, actor: Actor): Promise<UserDropdown> {
  if (actor.userId === null) throw notFound('Your user account');
  await acceptPendingInvitations(db, actor.userId);
  const agencies = await findMyAgencies(db, actor);
  return {
    userId: actor.userId,
    agencies: agencies.map((agency) => ({
      agencyId: agency.id,
      dropdownName: dropdownName(agency.name, agency.stateCode),
    })),
  };
}

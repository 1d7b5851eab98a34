/** Wire shapes of the admin panel's users, with the reference's field names (02-http-api §3.6). */
import type { AdminUser, AdminUserSummary, AgencyNoTeam } from '../../contract/admin-users.ts';
import type { UserRow, UserWithAgencies } from '../../domain/users/find-users.ts';
import { presentAgencyFull } from './agencies.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export function presentAgencyNoTeam(agency: AgencyRow): AgencyNoTeam {
  return presentAgencyFull({ agency, settings: [], team: [] });
}

export function presentUserSummary(user: UserRow): AdminUserSummary {
  return {
    id: user.id,
    auth0_user_id: user.auth0UserId,
    name: user.name,
    email: user.email,
    is_platform_admin: user.isPlatformAdmin,
  };
}

export function presentAdminUser({ user, agencies }: UserWithAgencies): AdminUser {
  return { ...presentUserSummary(user), agencies: agencies.map(presentAgencyNoTeam) };
}

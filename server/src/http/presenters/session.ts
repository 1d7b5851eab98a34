import type { AgencyAbilities, SessionUser } from '../../contract/session.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Abilities } from '../../domain/permissions.ts';
import type { MyAgency } from '../../domain/users/find-my-agencies.ts';

function presentAbilities(abilities: Abilities): AgencyAbilities {
  return { can: abilities.can, grantable_roles: abilities.grantableRoles };
}

export function presentSessionUser(
  actor: Actor,
  agencies: MyAgency[],
  lastAgencyId: number | null,
  staff: Abilities | null,
): SessionUser {
  return {
    id: actor.userId ?? 0,
    name: actor.name,
    email: actor.email,
    isPlatformAdmin: actor.isPlatformAdmin,
    agencies: agencies.map((agency) => ({
      id: agency.id,
      name: agency.name,
      systems: agency.systems,
      role: agency.role,
      is_superagency: agency.isSuperagency,
      super_agency_id: agency.superAgencyId,
      is_dashboard_enabled: agency.isDashboardEnabled,
      ...presentAbilities(agency.abilities),
    })),
    last_agency_id: lastAgencyId,
    staff_abilities: staff && presentAbilities(staff),
  };
}

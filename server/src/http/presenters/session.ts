import type { SessionUser } from '../../contract/session.ts';
import type { Actor } from '../../domain/actor.ts';
import type { MyAgency } from '../../domain/users/find-my-agencies.ts';

export function presentSessionUser(actor: Actor, agencies: MyAgency[]): SessionUser {
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
    })),
  };
}

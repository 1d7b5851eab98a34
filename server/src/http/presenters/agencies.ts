/** Wire shapes of agencies and teams, with the reference's field names (02-http-api §3.6). */
import { SYSTEMS } from '@jc/catalogue';
import type { AgencyFull, AgencySimple, TeamMember } from '../../contract/agencies.ts';
import type { AgencyWithTeam, TeamMember as Member } from '../../domain/agencies/get-agency-with-team.ts';
import { US_STATES } from '../../contract/us-states.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

/** Systems in the catalogue's order, as the reference sorted them. */
export function orderedSystems(systems: readonly string[] | null): string[] {
  const chosen = new Set(systems ?? []);
  return SYSTEMS.filter((system) => chosen.has(system));
}

export function presentMember(member: Member): TeamMember {
  return {
    auth0_user_id: member.auth0UserId,
    email: member.email,
    invitation_status: member.invitationStatus as TeamMember['invitation_status'],
    name: member.name,
    role: member.role,
    user_account_id: member.userId,
    can: { change_role: member.abilities.changeRole, remove: member.abilities.remove },
    grantable_roles: member.abilities.grantableRoles,
  };
}

export function presentAgencyFull({ agency, settings, team }: AgencyWithTeam): AgencyFull {
  return {
    created_at: agency.createdAt ? agency.createdAt.toUTCString() : null,
    custom_child_agency_name: agency.customChildAgencyName,
    fips_county_code: agency.fipsCountyCode,
    id: agency.id,
    is_dashboard_enabled: agency.isDashboardEnabled,
    is_stepping_up_agency: agency.isSteppingUpAgency,
    is_superagency: agency.isSuperagency,
    name: agency.name,
    settings: settings.map((setting) => ({ setting_type: setting.settingType, value: setting.value })),
    state: agency.stateCode ? (US_STATES[agency.stateCode.toLowerCase()] ?? null) : null,
    state_code: agency.stateCode,
    super_agency_id: agency.superAgencyId,
    systems: orderedSystems(agency.systems),
    team: team.map(presentMember),
  };
}

export function presentAgencySimple(agency: AgencyRow): AgencySimple {
  return {
    id: agency.id,
    name: agency.name,
    custom_child_agency_name: agency.customChildAgencyName,
    systems: orderedSystems(agency.systems),
  };
}

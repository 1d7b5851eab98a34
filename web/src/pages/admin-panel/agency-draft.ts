/**
 * The agency form's state, where it comes from (an agency and its team, or nothing), what is
 * wrong with it, whether it differs from what was loaded, and the PUT /admin/agency body it makes.
 */
import type { AdminAgencySummary, SaveAgencyBody, TeamMember } from '@jc/server/contract';
import type { AgencyRole } from '../../api/session.ts';
import { isHomepage, isStaffEmail, staffRole } from './admin-rules.ts';

export interface TeamDraftMember {
  userId: number;
  role: AgencyRole | null;
}

export interface AgencyDraft {
  agencyId: number | null;
  name: string;
  stateCode: string;
  /** As agencies store it (`us_ca_san_mateo`); '' for none. */
  countyCode: string;
  /** Sectors without SUPERAGENCY, which comes with the superagency flag. */
  systems: string[];
  isSuperagency: boolean;
  isChild: boolean;
  superAgencyId: number | null;
  childAgencyIds: number[];
  isDashboardEnabled: boolean;
  isSteppingUpAgency: boolean;
  description: string;
  url: string;
  team: TeamDraftMember[];
}

export function emptyDraft(): AgencyDraft {
  return {
    agencyId: null,
    name: '',
    stateCode: '',
    countyCode: '',
    systems: [],
    isSuperagency: false,
    isChild: false,
    superAgencyId: null,
    childAgencyIds: [],
    isDashboardEnabled: false,
    isSteppingUpAgency: false,
    description: '',
    url: '',
    team: [],
  };
}

/**
 * A new agency's form: every Justice Counts staff user starts on its team (they help every
 * agency), with the role staff get in this environment.
 */
export function newAgencyDraft(users: readonly { id: number; email: string | null }[], env: string): AgencyDraft {
  const role = staffRole(env);
  return {
    ...emptyDraft(),
    team: users.filter((user) => isStaffEmail(user.email)).map((user) => ({ userId: user.id, role })),
  };
}

export function draftFromAgency(agency: AdminAgencySummary, team: readonly TeamMember[]): AgencyDraft {
  return {
    agencyId: agency.id,
    name: agency.name,
    stateCode: agency.state_code ?? '',
    countyCode: agency.fips_county_code ?? '',
    systems: agency.systems.filter((system) => system !== 'SUPERAGENCY'),
    isSuperagency: agency.is_superagency === true,
    isChild: agency.super_agency_id !== null,
    superAgencyId: agency.super_agency_id,
    childAgencyIds: [...agency.child_agency_ids],
    isDashboardEnabled: agency.is_dashboard_enabled === true,
    isSteppingUpAgency: agency.is_stepping_up_agency === true,
    description: agency.agency_description ?? '',
    url: agency.agency_url ?? '',
    team: team.map((member) => ({ userId: member.user_account_id, role: member.role })),
  };
}

/** Collapses runs of spaces and straightens curly apostrophes, as the reference's panel does. */
export function tidyName(name: string): string {
  return name
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export type DraftProblems = Partial<Record<'name' | 'state' | 'systems' | 'url' | 'superagency', string>>;

export function draftProblems(draft: AgencyDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (tidyName(draft.name) === '') problems.name = 'Enter the agency name.';
  if (draft.stateCode === '') problems.state = 'Choose a state.';
  if (draft.systems.length === 0 && !draft.isSuperagency) problems.systems = 'Choose at least one sector.';
  if (!isHomepage(draft.url)) problems.url = 'Enter a web address such as https://www.example.gov.';
  if (draft.isChild && draft.superAgencyId === null) problems.superagency = 'Choose the superagency.';
  return problems;
}

export function toSaveBody(draft: AgencyDraft): SaveAgencyBody {
  return {
    agency_id: draft.agencyId,
    name: tidyName(draft.name),
    state_code: draft.stateCode,
    fips_county_code: draft.countyCode,
    systems: draft.isSuperagency ? ['SUPERAGENCY', ...draft.systems] : draft.systems,
    super_agency_id: draft.isChild ? draft.superAgencyId : null,
    is_superagency: draft.isSuperagency,
    is_dashboard_enabled: draft.isDashboardEnabled,
    is_stepping_up_agency: draft.isSteppingUpAgency,
    child_agency_ids: draft.isSuperagency ? draft.childAgencyIds : [],
    agency_description: draft.description.trim(),
    agency_url: draft.url.trim(),
    team: draft.team.map((member) => ({ user_account_id: member.userId, role: member.role })),
  };
}

/** Order-insensitive comparison of what would be saved, so Save is offered only for a real change. */
export function sameDraft(a: AgencyDraft, b: AgencyDraft): boolean {
  const canonical = (draft: AgencyDraft) => {
    const body = toSaveBody(draft);
    return JSON.stringify({
      ...body,
      systems: [...body.systems].sort(),
      child_agency_ids: [...(body.child_agency_ids ?? [])].sort((x, y) => x - y),
      team: [...(body.team ?? [])].sort((x, y) => x.user_account_id - y.user_account_id),
    });
  };
  return canonical(a) === canonical(b);
}

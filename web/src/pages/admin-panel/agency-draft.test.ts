import { describe, expect, it } from 'vitest';
import type { AdminAgencySummary } from '@jc/server/contract';
import {
  draftFromAgency,
  draftProblems,
  emptyDraft,
  newAgencyDraft,
  sameDraft,
  tidyName,
  toSaveBody,
} from './agency-draft.ts';

const superagency: AdminAgencySummary = {
  id: 7,
  name: 'State DOC',
  state: 'New York',
  state_code: 'us_ny',
  systems: ['SUPERAGENCY', 'PRISONS'],
  is_superagency: true,
  super_agency_id: null,
  is_dashboard_enabled: true,
  is_stepping_up_agency: null,
  fips_county_code: null,
  custom_child_agency_name: null,
  created_at: null,
  settings: [],
  team: [],
  child_agency_ids: [9, 8],
  agency_url: null,
  agency_description: 'Runs prisons.',
};
const team = [
  {
    user_account_id: 3,
    role: 'CONTRIBUTOR' as const,
    name: 'A',
    email: 'a@x.gov',
    auth0_user_id: null,
    invitation_status: null,
    can: { change_role: true, remove: true },
    grantable_roles: [],
  },
];

describe('agency drafts', () => {
  it('round-trips an agency into the save body, SUPERAGENCY coming from the flag', () => {
    const body = toSaveBody(draftFromAgency(superagency, team));
    expect(body).toMatchObject({
      agency_id: 7,
      systems: ['SUPERAGENCY', 'PRISONS'],
      super_agency_id: null,
      child_agency_ids: [9, 8],
      agency_description: 'Runs prisons.',
      agency_url: '',
      team: [{ user_account_id: 3, role: 'CONTRIBUTOR' }],
    });
  });

  it('sees no change when only the order differs, and a change when a role does', () => {
    const loaded = draftFromAgency(superagency, team);
    expect(sameDraft(loaded, { ...loaded, childAgencyIds: [8, 9] })).toBe(true);
    expect(sameDraft(loaded, { ...loaded, team: [{ userId: 3, role: 'READ_ONLY' }] })).toBe(false);
  });

  it('drops children of a non-superagency and the parent of a non-child', () => {
    const body = toSaveBody({ ...emptyDraft(), childAgencyIds: [4], superAgencyId: 5, isChild: false });
    expect(body).toMatchObject({ child_agency_ids: [], super_agency_id: null });
  });

  it('names what is missing or wrong', () => {
    expect(Object.keys(draftProblems(emptyDraft())).sort()).toEqual(['name', 'state', 'systems']);
    const child = { ...emptyDraft(), name: 'A', stateCode: 'us_ca', systems: ['JAILS'], isChild: true, url: 'nope' };
    expect(Object.keys(draftProblems(child)).sort()).toEqual(['superagency', 'url']);
  });

  it('tidies names', () => {
    expect(tidyName('  O\u2019Brien   County  ')).toBe("O'Brien County");
  });
});

describe('newAgencyDraft', () => {
  it('starts a new agency with every staff user, in the role of this environment', () => {
    const users = [
      { id: 1, email: 'ana@csg.org' },
      { id: 2, email: 'chief@county.gov' },
      { id: 3, email: 'dev@recidiviz.org' },
      { id: 4, email: null },
    ];
    expect(newAgencyDraft(users, 'production').team).toEqual([
      { userId: 1, role: 'READ_ONLY' },
      { userId: 3, role: 'READ_ONLY' },
    ]);
    expect(newAgencyDraft(users, 'staging').team.map((m) => m.role)).toEqual([
      'JUSTICE_COUNTS_ADMIN',
      'JUSTICE_COUNTS_ADMIN',
    ]);
    expect({ ...newAgencyDraft(users, 'staging'), team: [] }).toEqual(emptyDraft());
  });
});

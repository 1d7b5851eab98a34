import { describe, expect, it } from 'vitest';
import type { SessionAgency } from '../api/session.ts';
import { childAgencyFor } from './reachable-agency.ts';

const state: SessionAgency = {
  id: 1,
  name: 'State Department of Corrections',
  systems: ['SUPERAGENCY', 'PRISONS'],
  role: 'CONTRIBUTOR',
  isSuperagency: true,
  superAgencyId: null,
  isDashboardEnabled: false,
  can: { ...({} as SessionAgency['can']), 'reports.edit': true },
  grantableRoles: ['CONTRIBUTOR', 'READ_ONLY'],
};
const prison = { id: 7, name: 'North Prison', custom_child_agency_name: 'NORTH', systems: ['PRISONS'] };

describe('childAgencyFor', () => {
  it('opens a child agency with the role and abilities its superagency gives', () => {
    expect(childAgencyFor([state], [[prison]], '7')).toEqual({
      id: 7,
      name: 'North Prison',
      systems: ['PRISONS'],
      role: 'CONTRIBUTOR',
      isSuperagency: false,
      superAgencyId: 1,
      isDashboardEnabled: false,
      can: state.can,
      grantableRoles: ['CONTRIBUTOR', 'READ_ONLY'],
    });
  });

  it('finds nothing for an agency that is no child, or while the children are still loading', () => {
    expect(childAgencyFor([state], [[prison]], '8')).toBeUndefined();
    expect(childAgencyFor([state], [undefined], '7')).toBeUndefined();
    expect(childAgencyFor([], [], '7')).toBeUndefined();
  });
});

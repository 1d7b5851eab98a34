import { describe, expect, it } from 'vitest';
import { agencyActionSchema } from '@jc/server/contract';
import { parseSession, signInStepOf } from './session.ts';

const can = Object.fromEntries(agencyActionSchema.options.map((action) => [action, action.endsWith('.view')]));
const agency = {
  id: 7,
  name: 'Springfield Police Department',
  systems: ['LAW_ENFORCEMENT'],
  role: 'AGENCY_ADMIN',
  is_superagency: false,
  super_agency_id: null,
  is_dashboard_enabled: false,
  can,
  grantable_roles: ['READ_ONLY'],
};

describe('parseSession', () => {
  it('reads a signed-out session', () => {
    expect(parseSession({ csrf: 'abc', env: 'local', today: '2026-12-03', analytics: null, user: null })).toEqual({
      csrf: 'abc',
      env: 'local',
      today: '2026-12-03',
      user: null,
      analytics: null,
    });
  });

  it('reads the analytics set-up in the app’s own names', () => {
    const analytics = { write_key: 'k1', cdn_url: 'http://cdn.test', api_url: 'http://api.test/v1', user_id: 'a9f0' };
    expect(parseSession({ csrf: '', env: 'local', today: '2026-12-03', analytics, user: null }).analytics).toEqual({
      writeKey: 'k1',
      cdnUrl: 'http://cdn.test',
      apiUrl: 'http://api.test/v1',
      userId: 'a9f0',
    });
  });

  it('reads a signed-in user with agencies in the app’s own names', () => {
    const session = parseSession({
      csrf: 'abc',
      env: 'production',
      today: '2026-12-03',
      analytics: null,
      user: {
        id: 3,
        name: 'Ada Lovelace',
        email: 'ada@example.test',
        isPlatformAdmin: true,
        staff_abilities: { can, grantable_roles: [] },
        last_agency_id: 8,
        agencies: [
          agency,
          { ...agency, id: 8, role: 'READ_ONLY', is_superagency: true, super_agency_id: 2, is_dashboard_enabled: true },
        ],
      },
    });
    expect(session.user).toMatchObject({
      id: 3,
      isPlatformAdmin: true,
      lastAgencyId: 8,
      staffAbilities: { can, grantableRoles: [] },
    });
    expect(session.user?.agencies[1]).toEqual({
      id: 8,
      name: 'Springfield Police Department',
      systems: ['LAW_ENFORCEMENT'],
      role: 'READ_ONLY',
      isSuperagency: true,
      superAgencyId: 2,
      isDashboardEnabled: true,
      can,
      grantableRoles: ['READ_ONLY'],
    });
  });

  it('accepts a missing name, email and role', () => {
    const user = {
      id: 3,
      name: null,
      email: null,
      isPlatformAdmin: false,
      staff_abilities: null,
      last_agency_id: null,
      agencies: [{ ...agency, role: null }],
    };
    const session = parseSession({ csrf: '', env: 'local', today: '2026-12-03', analytics: null, user });
    expect(session.user).toMatchObject({ name: '', email: '', agencies: [{ role: null }] });
  });

  it('names the field that does not match', () => {
    const user = {
      id: 3,
      name: 'A',
      email: 'a@x.test',
      isPlatformAdmin: false,
      staff_abilities: null,
      last_agency_id: null,
      agencies: [{ ...agency, role: 'OWNER' }],
    };
    expect(() => parseSession({ csrf: 'abc', env: 'local', today: '2026-12-03', analytics: null, user })).toThrow(
      'GET /api/init: user.agencies.0.role:',
    );
    expect(() => parseSession({ env: 'local' })).toThrow('GET /api/init: csrf:');
  });

  it('refuses an agency without the abilities the app needs', () => {
    const withoutCan = Object.fromEntries(Object.entries(agency).filter(([key]) => key !== 'can'));
    const user = {
      id: 3,
      name: 'A',
      email: null,
      isPlatformAdmin: false,
      staff_abilities: null,
      last_agency_id: null,
      agencies: [withoutCan],
    };
    expect(() => parseSession({ csrf: '', env: 'local', today: '2026-12-03', analytics: null, user })).toThrow(
      'GET /api/init: user.agencies.0.can:',
    );
  });
});

describe('signInStepOf', () => {
  it('is null when the answer signed the person in', () => {
    expect(signInStepOf({ user_id: 3 })).toBeNull();
  });

  it('gives the two-factor step still to take', () => {
    const step = { step: 'enrol', token: 'abc' };
    expect(signInStepOf({ user_id: 3, two_factor: step })).toEqual(step);
  });

  it('refuses an answer that is not a sign-in answer', () => {
    expect(() => signInStepOf({ two_factor: { step: 'dance', token: 'abc' } })).toThrow();
  });
});

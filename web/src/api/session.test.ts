import { describe, expect, it } from 'vitest';
import { parseSession } from './session.ts';

const agency = {
  id: 7,
  name: 'Springfield Police Department',
  systems: ['LAW_ENFORCEMENT'],
  role: 'AGENCY_ADMIN',
  is_superagency: false,
  super_agency_id: null,
  is_dashboard_enabled: false,
};

describe('parseSession', () => {
  it('reads a signed-out session', () => {
    expect(parseSession({ csrf: 'abc', env: 'local', user: null })).toEqual({ csrf: 'abc', env: 'local', user: null });
  });

  it('reads a signed-in user with agencies in the app’s own names', () => {
    const session = parseSession({
      csrf: 'abc',
      env: 'production',
      user: {
        id: 3,
        name: 'Ada Lovelace',
        email: 'ada@example.test',
        isPlatformAdmin: true,
        agencies: [
          agency,
          { ...agency, id: 8, role: 'READ_ONLY', is_superagency: true, super_agency_id: 2, is_dashboard_enabled: true },
        ],
      },
    });
    expect(session.user).toMatchObject({ id: 3, isPlatformAdmin: true });
    expect(session.user?.agencies[1]).toEqual({
      id: 8,
      name: 'Springfield Police Department',
      systems: ['LAW_ENFORCEMENT'],
      role: 'READ_ONLY',
      isSuperagency: true,
      superAgencyId: 2,
      isDashboardEnabled: true,
    });
  });

  it('accepts a missing name, email and role', () => {
    const user = { id: 3, name: null, email: null, isPlatformAdmin: false, agencies: [{ ...agency, role: null }] };
    const session = parseSession({ csrf: '', env: 'local', user });
    expect(session.user).toMatchObject({ name: '', email: '', agencies: [{ role: null }] });
  });

  it('names the field that does not match', () => {
    const user = { id: 3, name: 'A', email: 'a@x.test', agencies: [{ ...agency, role: 'OWNER' }] };
    expect(() => parseSession({ csrf: 'abc', env: 'local', user })).toThrow(
      'GET /api/init: user.agencies[0].role should be null or AGENCY_ADMIN|CONTRIBUTOR|READ_ONLY|JUSTICE_COUNTS_ADMIN (got "OWNER")',
    );
    expect(() => parseSession({ env: 'local' })).toThrow('csrf should be a string');
  });
});

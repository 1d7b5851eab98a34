import { describe, expect, it } from 'vitest';
import type { SecurityEventItem } from '@jc/server/contract';
import { eventDetails, eventTitle } from './event-words.ts';

const event = (overrides: Partial<SecurityEventItem>): SecurityEventItem => ({
  id: 1,
  occurred_at: '2026-12-05T18:00:00.000Z',
  kind: 'sign_in',
  outcome: 'success',
  user_id: 3,
  user_email: 'ada@example.gov',
  subject_user_id: null,
  subject_email: null,
  agency_id: null,
  agency_name: null,
  client_ip: '127.0.0.1',
  details: {},
  ...overrides,
});

describe('eventTitle', () => {
  it('names what happened', () => {
    expect(eventTitle(event({}))).toBe('Signed in');
    expect(eventTitle(event({ kind: 'two_factor_enabled' }))).toBe('Two-factor turned on');
    expect(eventTitle(event({ kind: 'member_role_changed' }))).toBe('Member’s role changed');
  });

  it('says why a sign-in was refused', () => {
    const refused = (reason: string) => eventTitle(event({ outcome: 'failure', details: { reason } }));
    expect(refused('wrong_password')).toBe('Sign-in refused: wrong password');
    expect(refused('wrong_code')).toBe('Sign-in refused: wrong two-factor code');
    expect(refused('something new')).toBe('Sign-in refused');
  });

  it('says which way the two-factor requirement went', () => {
    const changed = (required: unknown) =>
      eventTitle(event({ kind: 'two_factor_required_changed', details: { required } }));
    expect(changed(true)).toBe('Two-factor required for members');
    expect(changed(false)).toBe('Two-factor no longer required for members');
    expect(changed(undefined)).toBe('Two-factor requirement changed');
  });
});

describe('eventDetails', () => {
  it('says how someone signed in', () => {
    expect(eventDetails(event({ details: { method: 'password', two_factor: 'recovery_code' } }))).toBe(
      'With a password and a recovery code',
    );
    expect(eventDetails(event({ details: { method: 'single_sign_on' } }))).toBe('With single sign-on');
  });

  it('names the member and role of a team change, and the rows of an export', () => {
    const invited = event({
      kind: 'member_invited',
      details: { invite_email: 'rosa@example.gov', invite_role: 'CONTRIBUTOR' },
    });
    expect(eventDetails(invited)).toBe('Member: rosa@example.gov. Role: Contributor');
    expect(eventDetails(event({ kind: 'export', details: { what: 'datapoints', rows: 1200 } }))).toBe('1,200 rows');
  });

  it('leaves out details it has no words for', () => {
    expect(eventDetails(event({ details: { route: 'PUT /admin/user', something: 1 } }))).toBe('');
    expect(eventDetails(event({ kind: 'admin_action', details: { route: 'PUT /admin/user' } }))).toBe(
      'PUT /admin/user',
    );
  });
});

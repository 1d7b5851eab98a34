import { describe, expect, it } from 'vitest';
import {
  createdMemberRole,
  filterAgencies,
  isEmail,
  isHomepage,
  isStaffEmail,
  matchesSearch,
  STATE_OPTIONS,
  staffRole,
  toggleSystem,
} from './admin-rules.ts';

const agency = (id: number, name: string, extra: object = {}) => ({
  id,
  name,
  state: 'California',
  state_code: 'us_ca',
  is_superagency: false,
  is_dashboard_enabled: false,
  ...extra,
});

describe('matchesSearch', () => {
  it('finds every word anywhere in the fields, ignoring case, and treats the query as text', () => {
    expect(matchesSearch('ada LOVE', ['Ada Lovelace', 'ada@example.org'])).toBe(true);
    expect(matchesSearch('12', ['Someone', 12])).toBe(true);
    expect(matchesSearch('a.b', ['axb'])).toBe(false);
    expect(matchesSearch('  ', ['anything'])).toBe(true);
    expect(matchesSearch('ghost', ['Ada', null])).toBe(false);
  });
});

describe('filterAgencies', () => {
  const agencies = [
    agency(1, 'Harbor Jail'),
    agency(2, 'State DOC', { is_superagency: true, state: 'New York', state_code: 'us_ny' }),
    agency(3, 'Bay Police', { is_dashboard_enabled: true }),
  ];
  it('searches by name, state or id and applies the two filters', () => {
    const ids = (filters: object) =>
      filterAgencies(agencies, { query: '', superagenciesOnly: false, dashboardOnly: false, ...filters }).map(
        (a) => a.id,
      );
    expect(ids({ query: 'new york' })).toEqual([2]);
    expect(ids({ query: '3' })).toEqual([3]);
    expect(ids({ superagenciesOnly: true })).toEqual([2]);
    expect(ids({ dashboardOnly: true })).toEqual([3]);
  });
});

describe('toggleSystem', () => {
  it('adds Supervision with a sub-population and drops the sub-populations with Supervision', () => {
    expect(toggleSystem(['JAILS'], 'PAROLE', true).sort()).toEqual(['JAILS', 'PAROLE', 'SUPERVISION']);
    expect(toggleSystem(['SUPERVISION', 'PAROLE', 'JAILS'], 'SUPERVISION', false)).toEqual(['JAILS']);
    expect(toggleSystem(['SUPERVISION', 'PAROLE'], 'PAROLE', false)).toEqual(['SUPERVISION']);
  });
});

describe('form checks and labels', () => {
  it('checks emails and homepages like the server', () => {
    expect(isEmail(' ada@example.org ')).toBe(true);
    expect(isEmail('ada@example')).toBe(false);
    expect(isHomepage('')).toBe(true);
    expect(isHomepage('www.example.gov/about')).toBe(true);
    expect(isHomepage('javascript:alert(1)')).toBe(false);
  });

  it('sorts states by name', () => {
    expect(STATE_OPTIONS[0]).toEqual({ code: 'us_al', name: 'Alabama' });
  });
});

describe('staff emails and roles', () => {
  it('knows Justice Counts staff by their email domain, and nobody else', () => {
    expect(isStaffEmail(' Ana@CSG.org ')).toBe(true);
    expect(isStaffEmail('dev@recidiviz.org')).toBe(true);
    expect(isStaffEmail('ana@csg.org.evil.example')).toBe(false);
    expect(isStaffEmail('ana@notcsg.org')).toBe(false);
    expect(isStaffEmail(null)).toBe(false);
  });

  it('makes staff Justice Counts admins outside production, read-only in it; others Agency Admins', () => {
    expect(staffRole('local')).toBe('JUSTICE_COUNTS_ADMIN');
    expect(staffRole('staging')).toBe('JUSTICE_COUNTS_ADMIN');
    expect(staffRole('production')).toBe('READ_ONLY');
    expect(createdMemberRole('ana@csg.org', 'production')).toBe('READ_ONLY');
    expect(createdMemberRole('chief@county.gov', 'staging')).toBe('AGENCY_ADMIN');
  });
});

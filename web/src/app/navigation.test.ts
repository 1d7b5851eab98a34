import { describe, expect, it } from 'vitest';
import type { SessionAgency } from '../api/session.ts';
import { environmentLabel, filterAgencies, initials, isNavItemActive, mainNavItems } from './navigation.ts';

const activeLabel = (pathname: string) =>
  mainNavItems.filter((item) => isNavItemActive(item, pathname)).map((item) => item.label);

describe('main navigation', () => {
  it('marks exactly one item for each agency page', () => {
    expect(activeLabel('/agency/7')).toEqual(['Home']);
    expect(activeLabel('/agency/7/metric-config')).toEqual(['Set Up Metrics']);
    expect(activeLabel('/agency/7/data-entry')).toEqual(['Enter Data']);
    expect(activeLabel('/agency/7/records/12')).toEqual(['Enter Data']);
    expect(activeLabel('/agency/7/upload')).toEqual(['Enter Data']);
    expect(activeLabel('/agency/7/data')).toEqual(['Explore Data']);
    expect(activeLabel('/agency/7/settings')).toEqual([]);
  });
});

describe('header labels', () => {
  it('takes initials from the first two words', () => {
    expect(initials('Ada M. Lovelace')).toBe('AM');
    expect(initials('  grace  ')).toBe('G');
    expect(initials('')).toBe('?');
  });

  it('labels every environment except production', () => {
    expect(environmentLabel('production')).toBeNull();
    expect(environmentLabel('local')).toBe('Local');
    expect(environmentLabel('development')).toBe('Local');
    expect(environmentLabel('staging')).toBe('Staging');
  });
});

describe('filterAgencies', () => {
  const agency = (id: number, name: string): SessionAgency => ({
    id,
    name,
    systems: [],
    role: 'CONTRIBUTOR',
    isSuperagency: false,
    superAgencyId: null,
    isDashboardEnabled: false,
    can: {} as SessionAgency['can'],
    grantableRoles: [],
  });
  const agencies = [agency(1, 'Springfield Police Department'), agency(2, 'Shelbyville County Jail')];

  it('matches every typed word, ignoring case', () => {
    expect(filterAgencies(agencies, 'county JAIL').map((a) => a.id)).toEqual([2]);
    expect(filterAgencies(agencies, '  ').map((a) => a.id)).toEqual([1, 2]);
    expect(filterAgencies(agencies, 'prison')).toEqual([]);
  });
});

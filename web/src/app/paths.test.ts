import { describe, expect, it } from 'vitest';
import { agencyPath, safeNextPath, signInPath, switchAgencyPath } from './paths.ts';

describe('paths', () => {
  it('builds agency paths', () => {
    expect(agencyPath(7)).toBe('/agency/7');
    expect(agencyPath(7, 'records/12')).toBe('/agency/7/records/12');
    expect(agencyPath(7, '/data')).toBe('/agency/7/data');
  });

  it('keeps the current page when switching agency', () => {
    expect(switchAgencyPath('/agency/7/records/12', 9)).toBe('/agency/9/records/12');
    expect(switchAgencyPath('/agency/7', 9)).toBe('/agency/9');
    expect(switchAgencyPath('/admin-panel', 9)).toBe('/agency/9');
  });

  it('remembers where to return after signing in', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/agency/7/data?metric=funding')).toBe('/sign-in?next=%2Fagency%2F7%2Fdata%3Fmetric%3Dfunding');
  });

  it('follows only paths on this site after signing in', () => {
    expect(safeNextPath('/agency/7/data?metric=funding')).toBe('/agency/7/data?metric=funding');
    for (const unsafe of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/sign-in']) {
      expect(safeNextPath(unsafe)).toBe('/');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { countyByGeoid, countyOf } from './us-counties.ts';

describe('countyOf', () => {
  it('finds a county by the code agencies store, whatever its punctuation', () => {
    expect(countyOf('us_ca', 'us_ca_san_mateo')).toEqual({ geoid: '0500000US06081', name: 'San Mateo' });
    expect(countyOf('US_MO', 'us_mo_st_louis')).toEqual({ geoid: '0500000US29189', name: 'St. Louis' });
    expect(countyOf('us_nm', 'us_nm_dona_ana')?.geoid).toBe('0500000US35013');
  });

  it('finds nothing for a county of another state, an unknown county or no code', () => {
    expect(countyOf('us_ca', 'us_or_multnomah')).toBeNull();
    expect(countyOf('us_ca', 'us_ca_harbor')).toBeNull();
    expect(countyOf('us_ca', null)).toBeNull();
    expect(countyOf(null, 'us_ca_san_mateo')).toBeNull();
  });
});

describe('countyByGeoid', () => {
  it('finds a county by its Census GEOID', () => {
    expect(countyByGeoid('0500000US41051')?.name).toBe('Multnomah');
    expect(countyByGeoid('0400000US06')).toBeNull();
  });
});

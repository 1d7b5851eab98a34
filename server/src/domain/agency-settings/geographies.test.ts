import { describe, expect, it } from 'vitest';
import { countyOf } from '../../lib/us-counties.ts';
import { countiesOfState, geographiesByGeoid, searchGeographies } from './geographies.ts';

describe('searchGeographies', () => {
  it('finds counties by the start of each word, with their state', () => {
    expect(searchGeographies('san mat', 10)).toEqual([
      { geoid: '0500000US06081', name: 'San Mateo, California', kind: 'county', countyCode: 'us_ca_san_mateo' },
    ]);
  });

  it('puts states first and names starting with the first word before others', () => {
    const found = searchGeographies('georgia', 5).map((g) => g.name);
    expect(found[0]).toBe('Georgia');
    expect(found.slice(1).every((name) => name.endsWith(', Georgia'))).toBe(true);
  });

  it('finds nothing for nothing typed, and stops at the limit', () => {
    expect(searchGeographies('  ', 10)).toEqual([]);
    expect(searchGeographies('a', 7)).toHaveLength(7);
  });
});

describe('geographiesByGeoid', () => {
  it('names known GEOIDs in the order given and leaves out others', () => {
    expect(geographiesByGeoid(['0500000US06081', '0100000000', '0400000US13']).map((g) => g.name)).toEqual([
      'San Mateo, California',
      'Georgia',
    ]);
  });
});

describe('countiesOfState', () => {
  it('lists a state’s counties with codes the county check accepts', () => {
    const counties = countiesOfState('us_mo');
    expect(counties.length).toBeGreaterThan(100);
    expect(counties.every((c) => countyOf('us_mo', c.countyCode) !== null)).toBe(true);
    expect(counties.map((c) => c.countyCode)).toContain('us_mo_st_louis');
  });
});

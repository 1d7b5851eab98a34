import { describe, expect, it } from 'vitest';
import {
  agencyLinkProblems,
  checkAgencyName,
  checkStateCode,
  initialReports,
  normalizeSystems,
  sameSystems,
} from './agency-rules.ts';

describe('checkStateCode', () => {
  it('accepts states and territories in any case', () => {
    expect(checkStateCode('us_ca')).toBe('us_ca');
    expect(checkStateCode(' US_PR ')).toBe('us_pr');
  });

  it('names the bad code and the expected form', () => {
    expect(() => checkStateCode('us_zz')).toThrow('state: "us_zz" is not a US state or territory code');
    expect(() => checkStateCode('ca')).toThrow('use the form us_xx, e.g. us_ca');
  });
});

describe('normalizeSystems', () => {
  it('puts systems in canonical order without repeats', () => {
    expect(normalizeSystems(['jails', 'LAW_ENFORCEMENT', 'JAILS'], false)).toEqual(['LAW_ENFORCEMENT', 'JAILS']);
  });

  it('adds SUPERVISION to a supervision sub-system and SUPERAGENCY to a superagency', () => {
    expect(normalizeSystems(['PROBATION', 'PAROLE'], false)).toEqual(['SUPERVISION', 'PAROLE', 'PROBATION']);
    expect(normalizeSystems(['PRISONS'], true)).toEqual(['SUPERAGENCY', 'PRISONS']);
    expect(normalizeSystems([], true)).toEqual(['SUPERAGENCY']);
    expect(normalizeSystems(['SUPERAGENCY', 'PRISONS'], true)).toEqual(['SUPERAGENCY', 'PRISONS']);
  });

  it('refuses unknown systems, SUPERAGENCY by hand, and none at all', () => {
    expect(() => normalizeSystems(['JAIL'], false)).toThrow('systems: "JAIL" is not a system; choose from');
    expect(() => normalizeSystems(['SUPERAGENCY'], false)).toThrow('"SUPERAGENCY" is not a system');
    expect(() => normalizeSystems([], false)).toThrow('systems: choose at least one of');
  });
});

describe('sameSystems', () => {
  it('ignores order but not extra systems', () => {
    expect(sameSystems(['JAILS', 'PRISONS'], ['PRISONS', 'JAILS'])).toBe(true);
    expect(sameSystems(['JAILS'], ['JAILS', 'PRISONS'])).toBe(false);
  });
});

describe('checkAgencyName', () => {
  it('trims and bounds the name', () => {
    expect(checkAgencyName('  Harbor County Jail ')).toBe('Harbor County Jail');
    expect(() => checkAgencyName('   ')).toThrow('name: must not be empty');
    expect(() => checkAgencyName('x'.repeat(256))).toThrow('name: must be at most 255 characters (got 256)');
  });
});

describe('initialReports', () => {
  it('covers the last twelve months, the current one and the previous calendar year', () => {
    const reports = initialReports({ year: 2025, month: 2 });
    expect(reports).toHaveLength(14);
    expect(reports[0]).toEqual({
      type: 'MONTHLY',
      instance: '02 2024 Metrics',
      dateRangeStart: '2024-02-01',
      dateRangeEnd: '2024-03-01',
    });
    expect(reports[12]?.instance).toBe('02 2025 Metrics');
    expect(reports[13]).toEqual({
      type: 'ANNUAL',
      instance: '2024 Annual Metrics',
      dateRangeStart: '2024-01-01',
      dateRangeEnd: '2025-01-01',
    });
  });
});

describe('agencyLinkProblems', () => {
  const links = { agencyId: 5, isSuperagency: false, superAgencyId: null, childAgencyIds: [] };
  const fields = (changes: Partial<typeof links> | object) =>
    agencyLinkProblems({ ...links, ...changes }).map((problem) => problem.field);

  it('accepts a stand-alone agency, a child, and a superagency with children', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ superAgencyId: 3 })).toEqual([]);
    expect(fields({ isSuperagency: true, childAgencyIds: [6, 7] })).toEqual([]);
    expect(fields({ agencyId: null, isSuperagency: true, childAgencyIds: [6] })).toEqual([]);
  });

  it('refuses an agency that is both, or linked to itself, or has children without being a superagency', () => {
    expect(fields({ isSuperagency: true, superAgencyId: 3 })).toEqual(['super_agency_id']);
    expect(fields({ superAgencyId: 5 })).toEqual(['super_agency_id']);
    expect(fields({ childAgencyIds: [6] })).toEqual(['child_agency_ids']);
    expect(fields({ isSuperagency: true, childAgencyIds: [5] })).toEqual(['child_agency_ids']);
  });
});

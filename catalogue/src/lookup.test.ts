import { describe, expect, it } from 'vitest';
import {
  findMember,
  getBreakdown,
  getDimension,
  getMetric,
  metricsForSystem,
  metricsForSystems,
  raceAndEthnicity,
  SUPERVISION_SUBSYSTEMS,
  type DimensionDef,
} from './index.ts';

function dimension(identifier: string): DimensionDef {
  const found = getDimension(identifier);
  if (!found) throw new Error(`no dimension ${identifier}`);
  return found;
}

describe('getMetric', () => {
  it('finds a metric by its exact stored key, including the one with a space', () => {
    expect(getMetric('PROSECUTION_CASES REFERRED')?.displayName).toBe('Cases Referred');
    expect(getMetric('LAW_ENFORCEMENT_ARRESTS')?.system).toBe('LAW_ENFORCEMENT');
  });

  it('does not guess: other spellings and unknown keys are undefined', () => {
    expect(getMetric('PROSECUTION_CASES_REFERRED')).toBeUndefined();
    expect(getMetric('law_enforcement_arrests')).toBeUndefined();
    expect(getMetric('')).toBeUndefined();
  });

  it('has sub-system copies named after their sub-system, keeping only their own population definition', () => {
    const parole = getMetric('PAROLE_POPULATION');
    expect(parole?.displayName).toBe('Daily Population (Parole)');
    expect(parole?.includesExcludes.map((g) => g.label)).toEqual(['Parole']);
    expect(getMetric('SUPERVISION_POPULATION')?.includesExcludes).toHaveLength(4);
  });
});

describe('metricsForSystem', () => {
  it('lists a system in catalogue order and every sub-system has one copy per SUPERVISION metric', () => {
    expect(metricsForSystem('SUPERAGENCY').map((m) => m.key)).toEqual([
      'SUPERAGENCY_FUNDING',
      'SUPERAGENCY_EXPENSES',
      'SUPERAGENCY_TOTAL_STAFF',
    ]);
    const types = metricsForSystem('SUPERVISION').map((m) => m.metricType);
    for (const system of SUPERVISION_SUBSYSTEMS) {
      expect(metricsForSystem(system).map((m) => m.metricType)).toEqual(types);
    }
  });
});

describe('metricsForSystems', () => {
  it('follows the canonical system order whatever order the agency lists them in', () => {
    const systems = metricsForSystems(['PAROLE', 'LAW_ENFORCEMENT', 'PAROLE']).map((m) => m.system);
    expect(systems).toEqual([...Array<string>(8).fill('LAW_ENFORCEMENT'), ...Array<string>(11).fill('PAROLE')]);
  });
});

describe('findMember', () => {
  const calls = dimension('metric/law_enforcement/calls_for_service/type');

  it('matches the stored NAME or the display VALUE exactly', () => {
    expect(findMember(calls, 'NON_EMERGENCY')?.value).toBe('Non-emergency Calls');
    expect(findMember(calls, 'Non-emergency Calls')?.name).toBe('NON_EMERGENCY');
  });

  it('ignores case and stray spaces', () => {
    expect(findMember(calls, '  non-EMERGENCY   calls ')?.name).toBe('NON_EMERGENCY');
    expect(findMember(calls, 'non_emergency')?.name).toBe('NON_EMERGENCY');
  });

  it('returns undefined for anything else', () => {
    expect(findMember(calls, 'Non emergency')).toBeUndefined();
    expect(findMember(calls, '')).toBeUndefined();
  });
});

describe('breakdowns', () => {
  it('keep per-metric required flags and member definitions apart from the shared dimension', () => {
    expect(getBreakdown('LAW_ENFORCEMENT_ARRESTS', 'metric/offense/type')?.required).toBe(true);
    expect(getBreakdown('PRISONS_ADMISSIONS', 'metric/offense/type')?.required).toBe(false);
    expect(getDimension('metric/offense/type')?.members.every((m) => m.includesExcludes.length === 0)).toBe(true);
    expect(getBreakdown('PRISONS_ADMISSIONS', 'global/biological_sex')).toBeUndefined();
  });

  it('splits race and ethnicity members', () => {
    const member = findMember(dimension('global/race_and_ethnicity'), 'NOT_HISPANIC_WHITE');
    expect(member && raceAndEthnicity(member)).toEqual({ race: 'White', ethnicity: 'Not Hispanic or Latino' });
  });

  it('is frozen, so a consumer cannot change the shared definitions', () => {
    const metric = getMetric('JAILS_FUNDING');
    expect(() => metric?.dimensions.push(dimension('metric/offense/type'))).toThrow(TypeError);
  });
});

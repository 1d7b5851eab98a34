import { getMetric, getBreakdown, type MetricDef } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { resolveSetting } from './setting-rules.ts';
import {
  acceptsSubDimensions,
  breakdownEnabled,
  effectiveStartingMonth,
  metricsOfSystems,
  normalizeSubDimensionLabel,
  withInvariants,
} from './setting-rules.ts';
import { emptyStoredBreakdown, emptyStoredSetting } from './stored-setting-rules.ts';

const metric = (key: string): MetricDef => getMetric(key)!;

describe('metricsOfSystems', () => {
  it('lists every metric of the systems in catalogue order and ignores unknown systems', () => {
    const keys = metricsOfSystems(['PRISONS', 'CORRECTIONS']).map((m) => m.key);
    expect(keys).toHaveLength(9);
    expect(keys[0]).toBe('PRISONS_FUNDING');
    expect(metricsOfSystems(null)).toEqual([]);
  });

  it('gives each supervision sub-system its own copies', () => {
    const keys = metricsOfSystems(['SUPERVISION', 'PAROLE']).map((m) => m.key);
    expect(keys).toContain('SUPERVISION_FUNDING');
    expect(keys).toContain('PAROLE_FUNDING');
    expect(keys).toHaveLength(22);
  });
});

describe('withInvariants', () => {
  it('defaults the disaggregation flag to false for supervision metrics and leaves others null', () => {
    expect(withInvariants(metric('SUPERVISION_FUNDING'), undefined).disaggregated_by_supervision_subsystems).toBe(
      false,
    );
    expect(withInvariants(metric('PAROLE_FUNDING'), undefined).disaggregated_by_supervision_subsystems).toBe(false);
    expect(withInvariants(metric('PRISONS_FUNDING'), undefined).disaggregated_by_supervision_subsystems).toBeNull();
  });

  it('switches off an unconfigured sub-system copy while supervision is combined', () => {
    expect(withInvariants(metric('PAROLE_FUNDING'), undefined).is_metric_enabled).toBe(false);
    expect(withInvariants(metric('SUPERVISION_FUNDING'), undefined).is_metric_enabled).toBeNull();
    const disaggregated = { ...emptyStoredSetting('PAROLE_FUNDING'), disaggregated_by_supervision_subsystems: true };
    expect(withInvariants(metric('PAROLE_FUNDING'), disaggregated).is_metric_enabled).toBeNull();
  });
});

describe('effectiveStartingMonth', () => {
  it('is null for monthly metrics, the chosen month or January for annual ones', () => {
    const funding = metric('PRISONS_FUNDING'); // annual by default
    const admissions = metric('PRISONS_ADMISSIONS'); // monthly by default
    const setting = emptyStoredSetting('x');
    expect(effectiveStartingMonth(admissions, setting)).toBeNull();
    expect(effectiveStartingMonth(funding, setting)).toBe(1);
    const fiscal = {
      ...setting,
      custom_reporting_frequency: { custom_frequency: 'ANNUAL' as const, starting_month: 7 },
    };
    expect(effectiveStartingMonth(admissions, fiscal)).toBe(7);
  });
});

describe('breakdownEnabled', () => {
  it('is false only when every member is off, true once any member is answered, else null', () => {
    expect(breakdownEnabled({ A: false, B: false })).toBe(false);
    expect(breakdownEnabled({ A: false, B: null })).toBe(true);
    expect(breakdownEnabled({ A: true, B: null })).toBe(true);
    expect(breakdownEnabled({ A: null, B: null })).toBeNull();
  });
});

describe('resolveSetting', () => {
  it('lists every breakdown member with its stored flag or null', () => {
    const stored = emptyStoredSetting('PRISONS_FUNDING');
    stored.aggregated_dimensions['metric/prisons/funding/type'] = {
      ...emptyStoredBreakdown(),
      dimension_to_enabled_status: { GRANTS: true },
    };
    const resolved = resolveSetting(metric('PRISONS_FUNDING'), stored);
    const funding = resolved.dimensions['metric/prisons/funding/type']!;
    expect(funding.enabled).toBe(true);
    expect(funding.members.GRANTS).toBe(true);
    expect(funding.members.OTHER).toBeNull();
    expect(resolved).toMatchObject({ key: 'PRISONS_FUNDING', enabled: null, frequency: 'ANNUAL', startingMonth: 1 });
  });
});

describe('sub-dimension labels', () => {
  it('are allowed under Other members only and stored in upper case', () => {
    const staff = getBreakdown('PRISONS_TOTAL_STAFF', 'metric/prisons/staff/type')!;
    const member = (name: string) => staff.members.find((m) => m.name === name)!;
    expect(acceptsSubDimensions(staff, member('OTHER'))).toBe(true);
    expect(acceptsSubDimensions(staff, member('SECURITY'))).toBe(false);
    const race = getBreakdown('PRISONS_POPULATION', 'global/race_and_ethnicity')!;
    expect(race.members.some((m) => acceptsSubDimensions(race, m))).toBe(false);
    expect(normalizeSubDimensionLabel('  santa   claus ')).toBe('SANTA CLAUS');
  });
});

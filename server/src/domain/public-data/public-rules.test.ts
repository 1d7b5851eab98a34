import { metricsForSystems, type SystemName } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import {
  emptyStoredBreakdown,
  emptyStoredSetting,
  type StoredMetricSetting,
} from '../metric-settings/stored-setting-rules.ts';
import { publicValueFilter, type ValueKey } from './public-rules.ts';

const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
const OFFENSE = 'metric/offense/type';
const JAIL_ADMISSIONS = 'JAILS_TOTAL_ADMISSIONS';
const HEALTH = 'metric/jails/behavioral_health/type';

function setting(key: string, overrides: Partial<StoredMetricSetting> = {}): [string, StoredMetricSetting] {
  return [key, { ...emptyStoredSetting(key), is_metric_enabled: true, ...overrides }];
}

function breakdown(members: Record<string, boolean>, subDimensions: Record<string, Record<string, boolean>> = {}) {
  return {
    ...emptyStoredBreakdown(),
    dimension_to_enabled_status: members,
    dimension_to_other_sub_dimension_to_enabled_status: subDimensions,
  };
}

const value = (overrides: Partial<ValueKey> = {}): ValueKey => ({
  metricKey: ARRESTS,
  dimension: null,
  subDimensionName: null,
  value: '10',
  ...overrides,
});

const isPublic = (stored: [string, StoredMetricSetting][], systems: SystemName[] = ['LAW_ENFORCEMENT']) =>
  publicValueFilter(metricsForSystems(systems), new Map(stored));

describe('publicValueFilter', () => {
  it('shows totals of metrics switched on, and nothing of metrics switched off or never answered', () => {
    expect(isPublic([setting(ARRESTS)])(value())).toBe(true);
    expect(isPublic([setting(ARRESTS, { is_metric_enabled: false })])(value())).toBe(false);
    expect(isPublic([setting(ARRESTS, { is_metric_enabled: null })])(value())).toBe(false);
    expect(isPublic([])(value())).toBe(false);
  });

  it('hides empty values and metrics of other sectors or no longer in the catalogue', () => {
    const filter = isPublic([setting(ARRESTS), setting('PRISONS_ADMISSIONS'), setting('LAW_ENFORCEMENT_GONE')]);
    expect(filter(value({ value: null }))).toBe(false);
    expect(filter(value({ value: ' ' }))).toBe(false);
    expect(filter(value({ metricKey: 'PRISONS_ADMISSIONS' }))).toBe(false);
    expect(filter(value({ metricKey: 'LAW_ENFORCEMENT_GONE' }))).toBe(false);
  });

  it('shows a breakdown member only when that member is switched on', () => {
    const filter = isPublic([
      setting(ARRESTS, { aggregated_dimensions: { [OFFENSE]: breakdown({ PERSON: true, DRUG: false }) } }),
    ]);
    expect(filter(value({ dimension: { [OFFENSE]: 'PERSON' } }))).toBe(true);
    expect(filter(value({ dimension: { [OFFENSE]: 'DRUG' } }))).toBe(false);
    // PROPERTY was never answered; the breakdown of another metric is not this one's.
    expect(filter(value({ dimension: { [OFFENSE]: 'PROPERTY' } }))).toBe(false);
    expect(filter(value({ dimension: { 'global/biological_sex': 'MALE' } }))).toBe(false);
  });

  it('hides every member when the agency has no setting for the breakdown', () => {
    expect(isPublic([setting(ARRESTS)])(value({ dimension: { [OFFENSE]: 'PERSON' } }))).toBe(false);
  });

  it('shows a custom sub-category only when it is switched on under a member that is on', () => {
    const filter = isPublic([
      setting(ARRESTS, {
        aggregated_dimensions: {
          [OFFENSE]: breakdown({ OTHER: true }, { OTHER: { LITTERING: true, LOITERING: false } }),
        },
      }),
    ]);
    const other = { dimension: { [OFFENSE]: 'OTHER' } };
    expect(filter(value({ ...other, subDimensionName: 'LITTERING' }))).toBe(true);
    expect(filter(value({ ...other, subDimensionName: 'LOITERING' }))).toBe(false);
    expect(filter(value({ ...other, subDimensionName: 'UNKNOWN LABEL' }))).toBe(false);
    expect(filter(value({ subDimensionName: 'LITTERING' }))).toBe(false);
  });

  it("never shows the jails' behavioural-health breakdown, even when switched on", () => {
    const filter = isPublic(
      [setting(JAIL_ADMISSIONS, { aggregated_dimensions: { [HEALTH]: breakdown({ MENTAL_HEALTH: true }) } })],
      ['JAILS'],
    );
    expect(filter(value({ metricKey: JAIL_ADMISSIONS }))).toBe(true);
    expect(filter(value({ metricKey: JAIL_ADMISSIONS, dimension: { [HEALTH]: 'MENTAL_HEALTH' } }))).toBe(false);
  });

  it('keeps supervision sub-population copies private while the agency reports supervision combined', () => {
    const systems: SystemName[] = ['SUPERVISION', 'PAROLE'];
    expect(isPublic([], systems)(value({ metricKey: 'PAROLE_FUNDING' }))).toBe(false);
    const split = setting('PAROLE_FUNDING', { disaggregated_by_supervision_subsystems: true });
    expect(isPublic([split], systems)(value({ metricKey: 'PAROLE_FUNDING' }))).toBe(true);
  });
});

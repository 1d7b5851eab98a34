import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { emptyStoredBreakdown, emptyStoredSetting, type StoredMetricSetting } from './stored-setting-rules.ts';
import { mergeStoredSettings, supervisionCascade } from './update-rules.ts';

const update = (changes: Partial<StoredMetricSetting>): StoredMetricSetting => ({
  ...emptyStoredSetting('PRISONS_FUNDING'),
  ...changes,
});

describe('mergeStoredSettings', () => {
  it('stores the update itself when nothing was stored', () => {
    const first = update({ is_metric_enabled: true });
    expect(mergeStoredSettings(undefined, first)).toEqual(first);
  });

  it('never lets null overwrite a stored value, but false does', () => {
    const stored = update({ is_metric_enabled: true, is_includes_excludes_configured: 'YES' });
    expect(mergeStoredSettings(stored, update({})).is_metric_enabled).toBe(true);
    const disabled = mergeStoredSettings(stored, update({ is_metric_enabled: false }));
    expect(disabled).toMatchObject({ is_metric_enabled: false, is_includes_excludes_configured: 'YES' });
  });

  it('merges maps key by key', () => {
    const stored = update({ includes_excludes_member_to_setting: { FISCAL_YEAR: 'YES', OPERATIONS: 'NO' } });
    const merged = mergeStoredSettings(stored, update({ includes_excludes_member_to_setting: { OPERATIONS: 'YES' } }));
    expect(merged.includes_excludes_member_to_setting).toEqual({ FISCAL_YEAR: 'YES', OPERATIONS: 'YES' });
  });

  it('clears the starting month when the metric becomes monthly', () => {
    const annual = update({ custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 7 } });
    const monthly = update({ custom_reporting_frequency: { custom_frequency: 'MONTHLY', starting_month: null } });
    expect(mergeStoredSettings(annual, monthly).custom_reporting_frequency).toEqual({
      custom_frequency: 'MONTHLY',
      starting_month: null,
    });
  });

  it("replaces a member's sub-categories as a whole and keeps other members'", () => {
    const id = 'metric/prisons/funding/type';
    const withLabels = (labels: Record<string, Record<string, boolean | null>>) =>
      update({
        aggregated_dimensions: {
          [id]: { ...emptyStoredBreakdown(), dimension_to_other_sub_dimension_to_enabled_status: labels },
        },
      });
    const stored = withLabels({ OTHER: { GIFTS: null, SANTA: true }, OTHER_X: { A: true } });
    const merged = mergeStoredSettings(stored, withLabels({ OTHER: { GIFTS: false } }));
    expect(merged.aggregated_dimensions[id]!.dimension_to_other_sub_dimension_to_enabled_status).toEqual({
      OTHER: { GIFTS: false },
      OTHER_X: { A: true },
    });
  });
});

describe('supervisionCascade', () => {
  const parole = getMetric('PAROLE_FUNDING')!;
  const flag = (value: boolean) => ({
    ...emptyStoredSetting(parole.key),
    disaggregated_by_supervision_subsystems: value,
  });

  it('switches sub-system copies on and the combined metric off when disaggregated', () => {
    const updates = supervisionCascade(parole, flag(true), ['SUPERVISION', 'PAROLE', 'PROBATION', 'PRISONS']);
    expect(updates.map((u) => [u.key, u.is_metric_enabled, u.disaggregated_by_supervision_subsystems])).toEqual([
      ['SUPERVISION_FUNDING', false, true],
      ['PAROLE_FUNDING', true, true],
      ['PROBATION_FUNDING', true, true],
    ]);
  });

  it('does the mirror image when combined', () => {
    const updates = supervisionCascade(parole, flag(false), ['SUPERVISION', 'PAROLE', 'PROBATION']);
    expect(updates.map((u) => [u.key, u.is_metric_enabled])).toEqual([
      ['SUPERVISION_FUNDING', true],
      ['PAROLE_FUNDING', false],
      ['PROBATION_FUNDING', false],
    ]);
  });

  it('does nothing without a flag or without sub-systems', () => {
    expect(supervisionCascade(parole, emptyStoredSetting(parole.key), ['SUPERVISION', 'PAROLE'])).toEqual([]);
    const supervision = getMetric('SUPERVISION_FUNDING')!;
    const combined = { ...emptyStoredSetting(supervision.key), disaggregated_by_supervision_subsystems: true };
    expect(supervisionCascade(supervision, combined, ['SUPERVISION'])).toEqual([]);
  });
});

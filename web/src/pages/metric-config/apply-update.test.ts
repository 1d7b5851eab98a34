import { describe, expect, it } from 'vitest';
import { applyUpdate, derivedEnabled } from './apply-update.ts';
import { dimensionJson, disaggregationJson, metricJson } from '../../rules/test-metrics.ts';

const staff = metricJson('PRISONS_STAFF', 'PRISONS', {
  includes_excludes: [
    {
      description: null,
      multiselect: true,
      settings: [{ key: 'VOLUNTEER', label: 'Volunteer', included: null, default: 'No' }],
    },
  ],
  disaggregations: [
    disaggregationJson(
      'staff',
      'Staff Types',
      [dimensionJson('Security'), dimensionJson('Other', { sub_dimensions: [] })],
      {
        enabled: null,
      },
    ),
  ],
});

describe('applyUpdate', () => {
  it('changes what was sent and leaves absent or null values alone', () => {
    const enabled = applyUpdate(staff, {
      key: staff.key,
      enabled: true,
      custom_frequency: 'ANNUAL',
      starting_month: 7,
    });
    expect(enabled).toMatchObject({ enabled: true, custom_frequency: 'ANNUAL', starting_month: 7 });
    expect(applyUpdate(enabled, { key: staff.key, enabled: null })).toMatchObject({ enabled: true, starting_month: 7 });
    expect(applyUpdate(enabled, { key: 'OTHER_KEY', enabled: false })).toBe(enabled);
  });

  it('applies a breakdown-wide flag to members not listed and derives the breakdown flag', () => {
    const off = applyUpdate(staff, {
      key: staff.key,
      disaggregations: [{ key: 'staff', enabled: false, dimensions: [{ key: 'Security', enabled: true }] }],
    });
    const breakdown = off.disaggregations[0]!;
    expect(breakdown.dimensions.map((d) => d.enabled)).toEqual([true, false]);
    expect(breakdown.enabled).toBe(true);
  });

  it('records definition answers, contexts and sub-categories', () => {
    const next = applyUpdate(staff, {
      key: staff.key,
      settings: [{ key: 'VOLUNTEER', included: 'Yes' }],
      contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: 'chaplains' }],
      disaggregations: [
        { key: 'staff', dimensions: [{ key: 'Other', sub_dimensions: [{ name: ' cooks ', enabled: true }] }] },
      ],
    });
    expect(next.includes_excludes[0]!.settings[0]!.included).toBe('Yes');
    expect(next.contexts[0]!.value).toBe('chaplains');
    expect(next.disaggregations[0]!.dimensions[1]!.sub_dimensions).toEqual([{ name: 'COOKS', enabled: true }]);
  });
});

describe('derivedEnabled', () => {
  it('is false only when every member is off', () => {
    expect(derivedEnabled([{ enabled: false }, { enabled: false }])).toBe(false);
    expect(derivedEnabled([{ enabled: false }, { enabled: null }])).toBe(true);
    expect(derivedEnabled([{ enabled: null }])).toBeNull();
  });
});

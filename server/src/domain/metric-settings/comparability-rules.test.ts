import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { definitionDifferences, metricsDifferingFromDefault } from './comparability-rules.ts';
import { emptyStoredBreakdown, emptyStoredSetting } from './stored-setting-rules.ts';

const calls = getMetric('LAW_ENFORCEMENT_CALLS_FOR_SERVICE')!;
const complaints = getMetric('LAW_ENFORCEMENT_COMPLAINTS_SUSTAINED')!;

describe('definitionDifferences', () => {
  it('finds none when nothing is answered: unanswered toggles count as the default', () => {
    expect(definitionDifferences(calls, emptyStoredSetting(calls.key))).toEqual([]);
  });

  it('finds none when every answer is the default, whether Yes or No', () => {
    const setting = emptyStoredSetting(complaints.key);
    setting.includes_excludes_member_to_setting = { SUSTAINED_SUBSTANTIATED: 'YES', NOT_SUSTAINED: 'NO' };
    expect(definitionDifferences(complaints, setting)).toEqual([]);
  });

  it('lists each answer that differs, the metric first, then breakdown members', () => {
    const breakdown = calls.dimensions[0]!;
    const member = breakdown.members.find((m) => m.includesExcludes.length > 0)!;
    const toggle = member.includesExcludes[0]!.settings[0]!;
    const flipped = toggle.default === 'Yes' ? 'NO' : 'YES';
    const setting = emptyStoredSetting(calls.key);
    setting.includes_excludes_member_to_setting = { SERVICE_911: 'NO', SERVICE_311: 'YES' };
    setting.aggregated_dimensions[breakdown.identifier] = {
      ...emptyStoredBreakdown(),
      dimension_to_includes_excludes_member_to_setting: { [member.name]: { [toggle.key]: flipped } },
    };
    expect(definitionDifferences(calls, setting)).toEqual([
      { breakdown: null, member: null, key: 'SERVICE_911', answer: 'NO' },
      { breakdown: breakdown.identifier, member: member.name, key: toggle.key, answer: flipped },
    ]);
  });

  it('ignores answers to toggles the catalogue no longer has', () => {
    const setting = emptyStoredSetting(calls.key);
    setting.includes_excludes_member_to_setting = { RETIRED_TOGGLE: 'NO' };
    expect(definitionDifferences(calls, setting)).toEqual([]);
  });
});

describe('metricsDifferingFromDefault', () => {
  it('keeps the metrics with an answer that differs, in the order given', () => {
    const differs = emptyStoredSetting(calls.key);
    differs.includes_excludes_member_to_setting = { SERVICE_911: 'NO' };
    const same = emptyStoredSetting(complaints.key);
    same.includes_excludes_member_to_setting = { NOT_SUSTAINED: 'NO' };
    const stored = new Map([
      [calls.key, differs],
      [complaints.key, same],
    ]);
    expect(metricsDifferingFromDefault([complaints, calls], stored)).toEqual([calls]);
    expect(metricsDifferingFromDefault([complaints, calls], new Map())).toEqual([]);
  });
});

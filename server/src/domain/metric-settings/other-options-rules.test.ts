import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import {
  otherBreakdowns,
  otherOptionsOf,
  otherOptionsProblems,
  titleCase,
  withOtherOptions,
} from './other-options-rules.ts';
import { emptyStoredSetting } from './stored-setting-rules.ts';

const funding = getMetric('LAW_ENFORCEMENT_FUNDING')!;
const dimensionId = 'metric/law_enforcement/funding/type';
const at = { breakdownField: 'updates.0.breakdowns.0', memberField: 'updates.0.breakdowns.0.sub_dimensions.0' };

describe('custom "Other" sub-categories', () => {
  it('finds the breakdowns with Other members, never race or sex', () => {
    expect(otherBreakdowns(funding).map((entry) => entry.breakdown.identifier)).toEqual([dimensionId]);
    const population = getMetric('PRISONS_POPULATION')!;
    expect(otherBreakdowns(population).map((entry) => entry.breakdown.identifier)).not.toContain(
      'global/race_and_ethnicity',
    );
  });

  it('replaces a member’s labels, keeping the choices of labels that stay', () => {
    const before = withOtherOptions(emptyStoredSetting(funding.key), [
      { dimensionId, member: 'OTHER', options: ['gifts'], ...at },
    ]);
    before.aggregated_dimensions[dimensionId]!.dimension_to_other_sub_dimension_to_enabled_status.OTHER!.GIFTS = true;
    const after = withOtherOptions(before, [
      { dimensionId, member: 'OTHER', options: [' Gifts ', 'private   grants', 'GIFTS'], ...at },
    ]);
    expect(after.aggregated_dimensions[dimensionId]!.dimension_to_other_sub_dimension_to_enabled_status).toEqual({
      OTHER: { GIFTS: true, 'PRIVATE GRANTS': null },
    });
    expect(otherOptionsOf(after, dimensionId, 'OTHER')).toEqual(['Gifts', 'Private Grants']);
  });

  it('names unknown breakdowns and members that take no sub-categories', () => {
    const problems = otherOptionsProblems(funding, [
      { dimensionId: 'nope', member: 'OTHER', options: [], ...at },
      { dimensionId, member: 'STATE_APPROPRIATION', options: [], ...at },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      `${at.breakdownField}.dimension_id`,
      `${at.memberField}.dimension_key`,
    ]);
  });

  it('title-cases labels', () => {
    expect(titleCase('DONATIONS AND GIFTS')).toBe('Donations And Gifts');
  });
});

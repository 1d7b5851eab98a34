import { describe, expect, it } from 'vitest';
import { metricJson } from '../../rules/test-metrics.ts';
import { breakdownFrom, metricFrom, paramsForMetric, rangeFrom, rangeParam } from './explore-state.ts';

const arrests = metricJson('LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT');
const calls = metricJson('LAW_ENFORCEMENT_CALLS', 'LAW_ENFORCEMENT');
const offense = { name: 'Offense Types', members: ['Drug'] };

describe('the view in the address', () => {
  it('finds the metric whatever the case, or starts on the first', () => {
    expect(metricFrom([arrests, calls], 'law_enforcement_calls')).toBe(calls);
    expect(metricFrom([arrests, calls], 'nope')).toBe(arrests);
    expect(metricFrom([], null)).toBeUndefined();
  });

  it('reads time ranges both ways, defaulting to all time', () => {
    expect(rangeFrom('5y')).toBe(60);
    expect(rangeFrom('forever')).toBe('all');
    expect(rangeParam(6)).toBe('6m');
  });

  it('reads the breakdown, "none" for totals, and otherwise the default', () => {
    expect(breakdownFrom([offense], 'offense types', null)).toBe(offense);
    expect(breakdownFrom([offense], 'none', 'Offense Types')).toBeNull();
    expect(breakdownFrom([offense], null, 'Offense Types')).toBe(offense);
    expect(breakdownFrom([offense], 'Sex', 'Offense Types')).toBeNull();
  });

  it('keeps everything but the frequency when another metric is chosen', () => {
    const next = paramsForMetric(new URLSearchParams('metric=x&frequency=annual-1&view=table'), calls);
    expect(next.toString()).toBe('metric=law_enforcement_calls&view=table&system=law_enforcement');
  });
});

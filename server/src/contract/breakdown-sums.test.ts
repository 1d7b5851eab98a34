import { describe, expect, it } from 'vitest';
import { breakdownMismatches, breakdownSumProblem } from './breakdown-sums.ts';

describe('breakdownSumProblem', () => {
  it('accepts a sum within 1 of the total, for rounding', () => {
    expect(breakdownSumProblem(30, 30)).toBeUndefined();
    expect(breakdownSumProblem(30, 31)).toBeUndefined();
    expect(breakdownSumProblem(30, 29)).toBeUndefined();
  });

  it('names a sum above the total and a sum below it', () => {
    expect(breakdownSumProblem(30, 31.5)).toBe('more');
    expect(breakdownSumProblem(30, 40)).toBe('more');
    expect(breakdownSumProblem(10, 0)).toBe('less');
  });
});

describe('breakdownMismatches', () => {
  it('lists each breakdown that does not add up, with its sum and the total', () => {
    const found = breakdownMismatches(30, [
      { breakdown: 'Offense Types', values: [20, 15, null] },
      { breakdown: 'Biological Sex', values: [10, 20, 0] },
      { breakdown: 'Race / Ethnicities', values: [5, 5] },
    ]);
    expect(found).toEqual([
      { breakdown: 'Offense Types', problem: 'more', sum: 35, total: 30 },
      { breakdown: 'Race / Ethnicities', problem: 'less', sum: 10, total: 30 },
    ]);
  });

  it('checks nothing without a total or for a breakdown left blank', () => {
    expect(breakdownMismatches(null, [{ breakdown: 'Offense Types', values: [50] }])).toEqual([]);
    expect(breakdownMismatches(30, [{ breakdown: 'Offense Types', values: [null, null] }])).toEqual([]);
  });

  it('rounds the sum to cents so fractions read as typed', () => {
    const [found] = breakdownMismatches(1, [{ breakdown: 'Funding Types', values: [0.1, 0.2, 2] }]);
    expect(found?.sum).toBe(2.3);
  });
});

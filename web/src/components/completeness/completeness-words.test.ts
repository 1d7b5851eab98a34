import { describe, expect, it } from 'vitest';
import { days, percent, owedSentence, shareBand } from './completeness-words.ts';

const summary = (expected: number, reported: number) => ({
  expected,
  reported,
  published: 0,
  share_reported: expected === 0 ? null : reported / expected,
  share_published: null,
  median_days_to_publish: null,
});

describe('completeness words', () => {
  it('writes shares as whole percentages, and a dash when nothing was owed', () => {
    expect(percent(4 / 27)).toBe('15%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });

  it('writes days with the right word, rounding a half day up', () => {
    expect(days(1)).toBe('1 day');
    expect(days(25)).toBe('25 days');
    expect(days(0.5)).toBe('1 day');
    expect(days(null)).toBe('—');
  });

  it('says how many of the figures owed, or that nothing is owed', () => {
    expect(owedSentence(4, summary(27, 4))).toBe('4 of 27 figures owed');
    expect(owedSentence(0, summary(0, 0))).toBe('No metrics are switched on for these periods.');
  });

  it('puts each share in a band', () => {
    expect([null, 0, 0.2, 0.5, 0.8, 1].map(shareBand)).toEqual(['owed-nothing', 'none', 'low', 'some', 'most', 'all']);
  });
});

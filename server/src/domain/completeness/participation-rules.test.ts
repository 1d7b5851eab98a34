import { describe, expect, it } from 'vitest';
import type { PeriodCompleteness } from './completeness-rules.ts';
import { isReporting, participation } from './participation-rules.ts';

const period = (expected: string[], reported: string[]): PeriodCompleteness => ({
  frequency: 'MONTHLY',
  period: { start: '2026-10-01', end: '2026-11-01' },
  expected,
  reported,
  published: [],
  daysToPublish: null,
});

describe('participation', () => {
  it('counts agencies and reporting agencies per group, in the order of group names', () => {
    const groups = participation([
      { group: 'us_wy', periods: [period(['A', 'B'], ['A'])] },
      { group: 'us_ca', periods: [period(['A', 'B'], [])] },
      { group: 'us_ca', periods: [period(['A', 'B'], ['A', 'B'])] },
      { group: 'us_ca', periods: [] },
    ]);
    expect(
      groups.map((g) => [g.group, g.agencies, g.reportingAgencies, g.summary.reported, g.summary.expected]),
    ).toEqual([
      ['us_ca', 3, 1, 2, 4],
      ['us_wy', 1, 1, 1, 2],
    ]);
    expect(groups[0]!.summary.shareReported).toBe(0.5);
  });

  it('an agency that owes nothing or reported nothing is not reporting', () => {
    expect(isReporting([])).toBe(false);
    expect(isReporting([period(['A'], [])])).toBe(false);
    expect(isReporting([period(['A'], []), period(['A'], ['A'])])).toBe(true);
  });
});

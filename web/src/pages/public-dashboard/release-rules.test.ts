import { describe, expect, it } from 'vitest';
import type { ReleaseResponse } from '@jc/server/contract';
import { changeSummary, citation, releaseMetrics } from './release-rules.ts';

const value = (metric: string, metric_name: string) => ({
  metric,
  metric_name,
  period_start: '2024-01-01',
  period_end: '2024-02-01',
  breakdown: null,
  breakdown_name: null,
  member: null,
  member_name: null,
  sub_category: null,
  value: '1',
});

const release = {
  number: 3,
  released_at: '2026-12-05T10:00:00.000Z',
  agency: { id: 7, name: 'Harbor County Sheriff' },
  values: [value('B', 'Use of Force'), value('A', 'Arrests'), value('A', 'Arrests')],
} as ReleaseResponse;

describe('release words', () => {
  it('says what changed in a sentence', () => {
    expect(changeSummary({ added: 1200, changed: 0, removed: 0 })).toBe('1,200 figures added');
    expect(changeSummary({ added: 1, changed: 2, removed: 3 })).toBe('1 figure added, 2 changed, 3 withdrawn');
    expect(changeSummary({ added: 0, changed: 1, removed: 0 })).toBe('1 figure changed');
    expect(changeSummary({ added: 0, changed: 0, removed: 0 })).toBe('No figures changed');
  });

  it('cites the agency, the metric, the release with its date, and the address', () => {
    expect(citation(release, 'https://x.test/r/3', 'Arrests')).toBe(
      'Harbor County Sheriff. Arrests, release 3 (December 5, 2026). Justice Counts Publisher. https://x.test/r/3',
    );
    expect(citation(release, 'https://x.test/r/3')).toContain('Published figures, release 3');
  });

  it('lists each metric of the release once, by name', () => {
    expect(releaseMetrics(release)).toEqual([
      { key: 'A', name: 'Arrests' },
      { key: 'B', name: 'Use of Force' },
    ]);
  });
});

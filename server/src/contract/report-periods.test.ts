import { describe, expect, it } from 'vitest';
import { hasEnded, latestEndedPeriod, nextOpenPeriod, previousPeriod } from './report-periods.ts';

describe('periods that have ended', () => {
  it('a period ends on its exclusive end: November 2026 is over on December 1', () => {
    const november = { start: '2026-11-01', end: '2026-12-01' };
    expect(hasEnded(november, '2026-11-30')).toBe(false);
    expect(hasEnded(november, '2026-12-01')).toBe(true);
  });

  it('names last month, the last calendar year and the last fiscal year in early December', () => {
    expect(latestEndedPeriod('MONTHLY', '2026-12-03')).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(latestEndedPeriod('ANNUAL', '2026-12-03')).toEqual({ start: '2025-01-01', end: '2026-01-01' });
    expect(latestEndedPeriod('ANNUAL', '2026-12-03', 7)).toEqual({ start: '2025-07-01', end: '2026-07-01' });
    expect(latestEndedPeriod('ANNUAL', '2027-01-01')).toEqual({ start: '2026-01-01', end: '2027-01-01' });
    expect(latestEndedPeriod('MONTHLY', '2027-01-15')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
  });

  it('steps back a month or a year', () => {
    expect(previousPeriod({ start: '2026-01-01', end: '2026-02-01' })).toEqual({
      start: '2025-12-01',
      end: '2026-01-01',
    });
    expect(previousPeriod({ start: '2025-07-01', end: '2026-07-01' })).toEqual({
      start: '2024-07-01',
      end: '2025-07-01',
    });
  });

  it('suggests the most recent ended period without a record', () => {
    const taken = [
      { start: '2026-11-01', end: '2026-12-01' },
      { start: '2026-12-01', end: '2027-01-01' },
    ];
    expect(nextOpenPeriod('MONTHLY', '2026-12-03', [])).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(nextOpenPeriod('MONTHLY', '2026-12-03', taken)).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(nextOpenPeriod('ANNUAL', '2026-12-03', [{ start: '2025-01-01', end: '2026-01-01' }])).toEqual({
      start: '2024-01-01',
      end: '2025-01-01',
    });
    expect(nextOpenPeriod('ANNUAL', '1971-02-01', [{ start: '1970-01-01', end: '1971-01-01' }])).toBeNull();
  });
});

import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { periodStartAt, seriesBreaks } from './series-break-rules.ts';

const calls = getMetric('LAW_ENFORCEMENT_CALLS_FOR_SERVICE')!; // monthly by default
const KEY = calls.key;
const at = (iso: string) => new Date(iso);
const definition = (answers: Record<string, 'YES' | 'NO'>, timestamp: string) => ({
  updates: { key: KEY, includes_excludes_member_to_setting: answers },
  timestamp: at(timestamp),
});
const frequency = (custom_frequency: string, starting_month: number | null, timestamp: string) => ({
  updates: { key: KEY, custom_reporting_frequency: { custom_frequency, starting_month } },
  timestamp: at(timestamp),
});

describe('seriesBreaks', () => {
  it('makes no break of a first answer: it describes what the agency already counted', () => {
    expect(seriesBreaks(calls, [definition({ SERVICE_911: 'NO' }, '2025-01-10T12:00:00Z')])).toEqual([]);
  });

  it('breaks a monthly series from the month an answer changes', () => {
    const breaks = seriesBreaks(calls, [
      definition({ SERVICE_911: 'YES' }, '2025-01-10T12:00:00Z'),
      definition({ SERVICE_911: 'NO' }, '2025-03-20T12:00:00Z'),
    ]);
    expect(breaks).toEqual([
      {
        start: '2025-03-01',
        changedAt: at('2025-03-20T12:00:00Z'),
        changes: [
          { aspect: 'definition', breakdown: null, member: null, item: 'SERVICE_911', oldValue: 'YES', newValue: 'NO' },
        ],
      },
    ]);
  });

  it('joins the changes of one period and drops those undone in it', () => {
    const breaks = seriesBreaks(calls, [
      definition({ SERVICE_911: 'YES', SERVICE_311: 'YES' }, '2025-01-10T12:00:00Z'),
      definition({ SERVICE_911: 'NO' }, '2025-03-02T12:00:00Z'),
      definition({ SERVICE_311: 'NO' }, '2025-03-05T12:00:00Z'),
      definition({ SERVICE_911: 'YES' }, '2025-03-09T12:00:00Z'),
    ]);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!.changes.map((c) => [c.item, c.oldValue, c.newValue])).toEqual([['SERVICE_311', 'YES', 'NO']]);
    expect(breaks[0]!.changedAt).toEqual(at('2025-03-09T12:00:00Z'));
    expect(
      seriesBreaks(calls, [
        definition({ SERVICE_911: 'YES' }, '2025-01-10T12:00:00Z'),
        definition({ SERVICE_911: 'NO' }, '2025-03-02T12:00:00Z'),
        definition({ SERVICE_911: 'YES' }, '2025-03-09T12:00:00Z'),
      ]),
    ).toEqual([]);
  });

  it('breaks on a new frequency from the year in progress, and on a new fiscal year start', () => {
    const breaks = seriesBreaks(calls, [
      frequency('ANNUAL', 7, '2025-03-15T12:00:00Z'),
      frequency('ANNUAL', 10, '2025-11-15T12:00:00Z'),
    ]);
    expect(breaks.map((b) => [b.start, b.changes.map((c) => [c.aspect, c.oldValue, c.newValue])])).toEqual([
      [
        '2024-07-01',
        [
          ['frequency', 'MONTHLY', 'ANNUAL'],
          ['starting_month', 1, 7],
        ],
      ],
      ['2025-10-01', [['starting_month', 7, 10]]],
    ]);
  });

  it('ignores a frequency written again as it was, a year start of monthly figures and undated rows', () => {
    expect(
      seriesBreaks(calls, [
        frequency('MONTHLY', 4, '2025-03-15T12:00:00Z'),
        { ...definition({ SERVICE_911: 'YES' }, '2025-01-01T00:00:00Z'), timestamp: null },
        { ...definition({ SERVICE_911: 'NO' }, '2025-01-01T00:00:00Z'), timestamp: null },
      ]),
    ).toEqual([]);
  });
});

describe('periodStartAt', () => {
  it('finds the month, calendar year or fiscal year containing a moment', () => {
    const moment = at('2025-05-31T23:30:00Z');
    expect(periodStartAt(moment, { frequency: 'MONTHLY', startingMonth: 1 })).toBe('2025-05-01');
    expect(periodStartAt(moment, { frequency: 'ANNUAL', startingMonth: 1 })).toBe('2025-01-01');
    expect(periodStartAt(moment, { frequency: 'ANNUAL', startingMonth: 7 })).toBe('2024-07-01');
    expect(periodStartAt(moment, { frequency: 'ANNUAL', startingMonth: 5 })).toBe('2025-05-01');
  });
});

import { getMetric, type SystemName } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { resolveSetting } from '../metric-settings/setting-rules.ts';
import { emptyStoredSetting } from '../metric-settings/stored-setting-rules.ts';
import {
  agencyCompleteness,
  combinePeriods,
  daysToPublish,
  earliestPeriodEnds,
  expectedSettings,
  median,
  periodsOfSystem,
  summarize,
  type CompletenessRecord,
} from './completeness-rules.ts';

function setting(
  key: string,
  options: { enabled?: boolean | null; frequency?: 'MONTHLY' | 'ANNUAL'; startingMonth?: number; split?: boolean } = {},
) {
  const stored = {
    ...emptyStoredSetting(key),
    is_metric_enabled: options.enabled === undefined ? true : options.enabled,
    disaggregated_by_supervision_subsystems: options.split ?? null,
    custom_reporting_frequency: {
      custom_frequency: options.frequency ?? null,
      starting_month: options.startingMonth ?? null,
    },
  };
  return resolveSetting(getMetric(key)!, stored);
}

function record(
  type: 'MONTHLY' | 'ANNUAL',
  start: string,
  end: string,
  keys: string[],
  published: string | null = null,
): CompletenessRecord {
  return {
    type,
    dateRangeStart: start,
    dateRangeEnd: end,
    status: published ? 'PUBLISHED' : 'DRAFT',
    publishDate: published,
    keysWithTotal: new Set(keys),
  };
}

const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
const CALLS = 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE';
const FUNDING = 'LAW_ENFORCEMENT_FUNDING';

describe('expectedSettings', () => {
  it('keeps switched-on metrics only, not those switched off or never decided', () => {
    const settings = [setting(ARRESTS), setting(CALLS, { enabled: false }), setting(FUNDING, { enabled: null })];
    expect(expectedSettings(settings, false).map((s) => s.key)).toEqual([ARRESTS]);
  });

  it('counts a supervision metric once: combined, or per population when split', () => {
    const combined = [setting('SUPERVISION_FUNDING'), setting('PAROLE_FUNDING')];
    expect(expectedSettings(combined, false).map((s) => s.key)).toEqual(['SUPERVISION_FUNDING']);
    const split = [setting('SUPERVISION_FUNDING', { split: true }), setting('PAROLE_FUNDING', { split: true })];
    expect(expectedSettings(split, false).map((s) => s.key)).toEqual(['PAROLE_FUNDING']);
  });

  it("keeps a superagency's own SUPERAGENCY metrics only", () => {
    const settings = [setting('SUPERAGENCY_FUNDING'), setting(ARRESTS)];
    expect(expectedSettings(settings, true).map((s) => s.key)).toEqual(['SUPERAGENCY_FUNDING']);
  });
});

describe('daysToPublish', () => {
  it('counts from the last day of the period, and never below 0', () => {
    const march = { start: '2026-03-01', end: '2026-04-01' };
    expect(daysToPublish(march, '2026-03-31')).toBe(0);
    expect(daysToPublish(march, '2026-04-15')).toBe(15);
    expect(daysToPublish(march, '2026-03-10')).toBe(0);
    expect(daysToPublish({ start: '2025-01-01', end: '2026-01-01' }, '2026-03-01')).toBe(60);
  });
});

describe('agencyCompleteness', () => {
  const today = '2026-12-06';
  const settings = [setting(ARRESTS, { frequency: 'MONTHLY' }), setting(CALLS, { frequency: 'MONTHLY' })];

  it('owes the last 12 ended months for monthly metrics, newest first', () => {
    const periods = agencyCompleteness({ settings, isSuperagency: false, records: [], today });
    expect(periods).toHaveLength(12);
    expect(periods[0]!.period).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(periods[11]!.period).toEqual({ start: '2025-12-01', end: '2026-01-01' });
    expect(periods.every((p) => p.expected.length === 2 && p.reported.length === 0 && p.daysToPublish === null)).toBe(
      true,
    );
  });

  it('counts metrics with a total as reported, on published records as published, and days to the earliest publish date', () => {
    const records = [
      record('MONTHLY', '2026-11-01', '2026-12-01', [ARRESTS]),
      record('MONTHLY', '2026-10-01', '2026-11-01', [ARRESTS, CALLS, FUNDING], '2026-11-20'),
      record('MONTHLY', '2026-09-01', '2026-10-01', [], '2026-10-03'),
    ];
    const [november, october, september] = agencyCompleteness({ settings, isSuperagency: false, records, today });
    expect(november).toMatchObject({ reported: [ARRESTS], published: [], daysToPublish: null });
    // FUNDING has a value but is not a monthly metric the agency switched on: it is not counted.
    expect(october).toMatchObject({
      expected: [ARRESTS, CALLS],
      reported: [ARRESTS, CALLS],
      published: [ARRESTS, CALLS],
    });
    expect(october!.daysToPublish).toBe(20);
    expect(september).toMatchObject({ reported: [], daysToPublish: 3 });
  });

  it('owes 3 years for annual metrics, calendar and fiscal apart, and ignores records of other periods', () => {
    const annual = [
      setting(FUNDING, { frequency: 'ANNUAL' }),
      setting('LAW_ENFORCEMENT_EXPENSES', { frequency: 'ANNUAL', startingMonth: 7 }),
    ];
    const records = [
      record('ANNUAL', '2025-01-01', '2026-01-01', [FUNDING], '2026-01-31'),
      record('ANNUAL', '2025-02-01', '2026-02-01', [FUNDING]),
    ];
    const periods = agencyCompleteness({ settings: annual, isSuperagency: false, records, today });
    expect(periods.map((p) => p.period.start)).toEqual([
      '2025-07-01',
      '2025-01-01',
      '2024-07-01',
      '2024-01-01',
      '2023-07-01',
      '2023-01-01',
    ]);
    expect(periods[1]).toMatchObject({ expected: [FUNDING], reported: [FUNDING], daysToPublish: 31 });
    expect(periods[0]).toMatchObject({ expected: ['LAW_ENFORCEMENT_EXPENSES'], reported: [] });
  });

  it('owes nothing when no metric is switched on', () => {
    const off = [setting(ARRESTS, { enabled: false })];
    expect(agencyCompleteness({ settings: off, isSuperagency: false, records: [], today })).toEqual([]);
  });

  it('reads no record older than earliestPeriodEnds, of either kind', () => {
    const periods = agencyCompleteness({
      settings: [...settings, setting(FUNDING, { frequency: 'ANNUAL', startingMonth: 12 })],
      isSuperagency: false,
      records: [],
      today,
    });
    const earliest = earliestPeriodEnds(today);
    expect(earliest.MONTHLY).toBe('2026-01-01');
    for (const p of periods) expect(earliest[p.frequency] <= p.period.end).toBe(true);
  });
});

describe('summarize and combinePeriods', () => {
  const period = (start: string, expected: number, reported: number, days: number | null) => ({
    frequency: 'MONTHLY' as const,
    period: { start, end: start },
    expected: Array.from({ length: expected }, (_, i) => `M${i}`),
    reported: Array.from({ length: reported }, (_, i) => `M${i}`),
    published: Array.from({ length: days === null ? 0 : reported }, (_, i) => `M${i}`),
    daysToPublish: days,
  });

  it('adds counts up and takes the median of the days over published periods', () => {
    expect(summarize([period('a', 4, 3, 10), period('b', 4, 1, null), period('c', 2, 2, 30)])).toEqual({
      expected: 10,
      reported: 6,
      published: 5,
      shareReported: 0.6,
      sharePublished: 0.5,
      medianDaysToPublish: 20,
    });
    expect(summarize([])).toMatchObject({ shareReported: null, medianDaysToPublish: null });
  });

  it('puts agencies together period by period, newest first', () => {
    const combined = combinePeriods([
      [period('2026-02-01', 2, 2, 5), period('2026-01-01', 2, 0, null)],
      [period('2026-02-01', 3, 1, 9)],
    ]);
    expect(combined.map((c) => [c.period.start, c.agencies, c.summary.reported, c.summary.expected])).toEqual([
      ['2026-02-01', 2, 3, 5],
      ['2026-01-01', 1, 0, 2],
    ]);
    expect(combined[0]!.summary.medianDaysToPublish).toBe(7);
  });

  it('median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('periodsOfSystem', () => {
  it("keeps one sector's metrics and drops periods with none of them", () => {
    const periods = agencyCompleteness({
      settings: [setting(ARRESTS, { frequency: 'MONTHLY' }), setting('JAILS_FUNDING', { frequency: 'MONTHLY' })],
      isSuperagency: false,
      records: [record('MONTHLY', '2026-11-01', '2026-12-01', ['JAILS_FUNDING'])],
      today: '2026-12-06',
    });
    const jails = periodsOfSystem(periods, 'JAILS' as SystemName);
    expect(jails[0]).toMatchObject({ expected: ['JAILS_FUNDING'], reported: ['JAILS_FUNDING'] });
    expect(periodsOfSystem(periods, 'PRISONS' as SystemName)).toEqual([]);
  });
});

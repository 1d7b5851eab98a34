import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { resolveSetting } from '../metric-settings/setting-rules.ts';
import { emptyStoredSetting } from '../metric-settings/stored-setting-rules.ts';
import {
  annualRecordsToRemind,
  countMissing,
  missingMetricNames,
  reminderEmail,
  reminderPeriodEnd,
} from './reminder-rules.ts';
import type { MetricWithValues } from '../../db/queries/report-page.ts';

describe('reminderPeriodEnd', () => {
  it('with the default 15 days, reminds about March on April 15 and on no other day of April', () => {
    expect(reminderPeriodEnd('2024-04-15', 15)).toBe('2024-04-01');
    expect(reminderPeriodEnd('2024-04-12', 15)).toBeNull();
    expect(reminderPeriodEnd('2024-04-16', 15)).toBeNull();
  });

  it('counts across month and year ends', () => {
    expect(reminderPeriodEnd('2024-03-01', 1)).toBe('2024-03-01');
    expect(reminderPeriodEnd('2024-03-30', 30)).toBe('2024-03-01');
    expect(reminderPeriodEnd('2025-01-09', 40)).toBe('2024-12-01');
  });
});

describe('annualRecordsToRemind', () => {
  const record = (start: string, end: string) => ({ dateRangeStart: start, dateRangeEnd: end });

  it('keeps the latest ended record of each starting month, newest first', () => {
    const records = [
      record('2022-01-01', '2023-01-01'),
      record('2023-01-01', '2024-01-01'),
      record('2023-07-01', '2024-07-01'),
      record('2022-07-01', '2023-07-01'),
      record('2024-01-01', '2025-01-01'),
    ];
    expect(annualRecordsToRemind(records, '2024-08-01')).toEqual([
      record('2023-07-01', '2024-07-01'),
      record('2023-01-01', '2024-01-01'),
    ]);
  });

  it('ignores records still running', () => {
    expect(annualRecordsToRemind([record('2024-01-01', '2025-01-01')], '2024-06-01')).toEqual([]);
  });
});

function onRecord(
  key: string,
  options: { enabled: boolean | null; total?: string; split?: boolean },
): MetricWithValues {
  const metric = getMetric(key)!;
  const stored = {
    ...emptyStoredSetting(key),
    is_metric_enabled: options.enabled,
    disaggregated_by_supervision_subsystems: options.split ?? null,
  };
  const total = { metricKey: key, dimension: null, contextKey: null, value: options.total ?? null };
  return {
    metric,
    setting: resolveSetting(metric, stored),
    datapoints: options.total === undefined ? [] : [total as MetricWithValues['datapoints'][number]],
  };
}

describe('missingMetricNames', () => {
  it('lists switched-on metrics without a total, leaving out metrics switched off or not yet decided', () => {
    const metrics = [
      onRecord('LAW_ENFORCEMENT_ARRESTS', { enabled: true }),
      onRecord('LAW_ENFORCEMENT_CALLS_FOR_SERVICE', { enabled: true, total: '12' }),
      onRecord('LAW_ENFORCEMENT_REPORTED_CRIME', { enabled: null }),
      onRecord('LAW_ENFORCEMENT_FUNDING', { enabled: false }),
    ];
    expect(missingMetricNames(metrics)).toEqual(['Arrests']);
  });

  it('asks a supervision agency for the population metrics when it splits a metric, else for the combined one', () => {
    const split = [
      onRecord('SUPERVISION_FUNDING', { enabled: true, split: true }),
      onRecord('PAROLE_FUNDING', { enabled: true, split: true }),
    ];
    expect(missingMetricNames(split)).toEqual([getMetric('PAROLE_FUNDING')!.displayName]);
    const combined = [
      onRecord('SUPERVISION_FUNDING', { enabled: true, split: false }),
      onRecord('PAROLE_FUNDING', { enabled: true, split: false }),
    ];
    expect(missingMetricNames(combined)).toEqual([getMetric('SUPERVISION_FUNDING')!.displayName]);
  });
});

describe('countMissing', () => {
  it('counts, for each metric missing anywhere, how many of the agencies miss it', () => {
    expect(countMissing([['Arrests'], ['Arrests', 'Funding'], []])).toEqual([
      'Arrests (missing for 2 of 3 agencies)',
      'Funding (missing for 1 of 3 agencies)',
    ]);
  });
});

describe('reminderEmail', () => {
  it('names the agency in the subject and lists each period’s missing metrics and the link', () => {
    const email = reminderEmail({
      to: 'ada@example.test',
      agencyName: 'Springfield Police Department',
      link: 'https://publisher.example/agency/3/data-entry',
      sections: [
        { period: { start: '2024-03-01', end: '2024-04-01' }, lines: ['Arrests'] },
        { period: { start: '2023-01-01', end: '2024-01-01' }, lines: ['Funding', 'Staff'] },
      ],
    });
    expect(email.subject).toBe('Reminder to Upload Metrics for Springfield Police Department in Publisher');
    expect(email.text).toContain('Metrics for March 2024:\n  - Arrests');
    expect(email.text).toContain('Metrics for calendar year 2023:\n  - Funding\n  - Staff');
    expect(email.text).toContain('https://publisher.example/agency/3/data-entry');
  });
});

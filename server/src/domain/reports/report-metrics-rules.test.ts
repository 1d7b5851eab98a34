import { getMetric, metricsForSystem } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { resolveSetting, type ResolvedMetricSetting } from '../metric-settings/setting-rules.ts';
import { metricsOnReport } from './report-metrics-rules.ts';

const defaults = (system: 'LAW_ENFORCEMENT' | 'SUPERAGENCY') =>
  metricsForSystem(system).map((metric) => resolveSetting(metric, undefined));
const keys = (
  settings: ResolvedMetricSetting[],
  record: { type: string; dateRangeStart: string },
  withData: string[] = [],
) =>
  metricsOnReport({ isSuperagency: false, record, settings, keysWithData: new Set(withData) }).map((m) => m.metric.key);

const monthly = { type: 'MONTHLY', dateRangeStart: '2024-03-01' };
const calendarYear = { type: 'ANNUAL', dateRangeStart: '2023-01-01' };
const fiscalYear = { type: 'ANNUAL', dateRangeStart: '2023-07-01' };

describe('metricsOnReport', () => {
  it('puts monthly metrics on monthly records and calendar-year metrics on January-start records', () => {
    const settings = defaults('LAW_ENFORCEMENT');
    expect(keys(settings, monthly)).toEqual([
      'LAW_ENFORCEMENT_CALLS_FOR_SERVICE',
      'LAW_ENFORCEMENT_ARRESTS',
      'LAW_ENFORCEMENT_REPORTED_CRIME',
    ]);
    expect(keys(settings, calendarYear)).toContain('LAW_ENFORCEMENT_FUNDING');
    expect(keys(settings, fiscalYear)).toEqual([]);
  });

  it('puts a fiscal-year metric on records starting in its month only', () => {
    const funding = { ...resolveSetting(getMetric('LAW_ENFORCEMENT_FUNDING')!, undefined), startingMonth: 7 };
    expect(keys([funding], fiscalYear)).toEqual(['LAW_ENFORCEMENT_FUNDING']);
    expect(keys([funding], calendarYear)).toEqual([]);
  });

  it('keeps a metric that has data on the record whatever its frequency now', () => {
    expect(keys(defaults('LAW_ENFORCEMENT'), monthly, ['LAW_ENFORCEMENT_FUNDING'])).toContain(
      'LAW_ENFORCEMENT_FUNDING',
    );
  });

  it("keeps only a superagency's own metrics on its records", () => {
    const settings = [...defaults('SUPERAGENCY'), ...defaults('LAW_ENFORCEMENT')];
    const found = metricsOnReport({ isSuperagency: true, record: calendarYear, settings, keysWithData: new Set() });
    expect(found.map((m) => m.metric.system)).toEqual(['SUPERAGENCY', 'SUPERAGENCY', 'SUPERAGENCY']);
  });
});

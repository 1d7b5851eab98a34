import { describe, expect, it } from 'vitest';
import { settingChanges, updateLeaves } from './setting-history-rules.ts';

const KEY = 'PRISONS_FUNDING';

describe('settingChanges', () => {
  it('pairs each written value with the one the setting had after the previous write', () => {
    const changes = settingChanges([
      { metricKey: KEY, updates: { key: KEY, is_metric_enabled: false } },
      { metricKey: KEY, updates: { key: KEY, is_metric_enabled: true, contexts: { PRIMARY_FUNDING_SOURCE: 'State' } } },
    ]);
    expect(changes[1]).toEqual([
      { aspect: 'enabled', breakdown: null, member: null, item: null, oldValue: false, newValue: true },
      {
        aspect: 'context',
        breakdown: null,
        member: null,
        item: 'PRIMARY_FUNDING_SOURCE',
        oldValue: null,
        newValue: 'State',
      },
    ]);
  });

  it('keeps metrics apart', () => {
    const changes = settingChanges([
      { metricKey: KEY, updates: { key: KEY, is_metric_enabled: false } },
      { metricKey: 'PRISONS_EXPENSES', updates: { key: 'PRISONS_EXPENSES', is_metric_enabled: false } },
    ]);
    expect(changes[1]?.[0]).toMatchObject({ oldValue: null, newValue: false });
  });
});

describe('updateLeaves', () => {
  it('skips the nulls of a whole document: they are answers the write did not touch', () => {
    const leaves = updateLeaves({
      key: KEY,
      is_metric_enabled: true,
      reporting_agency_id: null,
      is_self_reported: null,
    });
    expect(leaves.map(([path]) => path.aspect)).toEqual(['enabled']);
  });

  it('keeps the nulls of a reporting-agency write, which clear the choice', () => {
    const leaves = updateLeaves({ key: KEY, reporting_agency_id: null, is_self_reported: null });
    expect(leaves).toEqual([
      [{ aspect: 'reporting_agency', breakdown: null, member: null, item: null }, null],
      [{ aspect: 'self_reported', breakdown: null, member: null, item: null }, null],
    ]);
  });
});

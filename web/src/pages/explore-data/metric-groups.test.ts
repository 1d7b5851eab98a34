import { describe, expect, it } from 'vitest';
import { metricJson } from '../../rules/test-metrics.ts';
import { metricGroups } from './metric-groups.ts';

const summary = (groups: ReturnType<typeof metricGroups>) => groups.map((g) => [g.sector, g.metrics.map((m) => m.key)]);

describe('metricGroups', () => {
  it('lists switched-on metrics by sector, and sectors with none as empty', () => {
    const metrics = [
      metricJson('JAILS_FUNDING', 'JAILS', { enabled: true }),
      metricJson('JAILS_STAFF', 'JAILS', { enabled: false }),
      metricJson('PRISONS_FUNDING', 'PRISONS', { enabled: null }),
    ];
    expect(summary(metricGroups(metrics, false))).toEqual([
      ['JAILS', ['JAILS_FUNDING']],
      ['PRISONS', []],
    ]);
  });

  it('lists sub-population metrics when supervision is split, and only a superagency’s own metrics', () => {
    const metrics = [
      metricJson('SUPERAGENCY_FUNDING', 'SUPERAGENCY', { enabled: true }),
      metricJson('SUPERVISION_FUNDING', 'SUPERVISION', {
        enabled: true,
        disaggregated_by_supervision_subsystems: true,
      }),
      metricJson('PAROLE_FUNDING', 'PAROLE', { enabled: true }),
      metricJson('PROBATION_FUNDING', 'PROBATION', { enabled: false }),
    ];
    expect(summary(metricGroups(metrics, false))).toEqual([
      ['SUPERAGENCY', ['SUPERAGENCY_FUNDING']],
      ['SUPERVISION', []],
      ['PAROLE', ['PAROLE_FUNDING']],
    ]);
    expect(summary(metricGroups(metrics, true))).toEqual([['SUPERAGENCY', ['SUPERAGENCY_FUNDING']]]);
  });
});

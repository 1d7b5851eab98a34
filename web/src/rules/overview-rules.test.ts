import { describe, expect, it } from 'vitest';
import { availabilityText, frequencyText, overviewOf, sectorsOf } from './overview-rules.ts';
import { metricJson } from './test-metrics.ts';

const supervision = [
  metricJson('SUPERVISION_FUNDING', 'SUPERVISION', { disaggregated_by_supervision_subsystems: true, enabled: false }),
  metricJson('PAROLE_FUNDING', 'PAROLE', { enabled: true }),
  metricJson('PROBATION_FUNDING', 'PROBATION', { enabled: true, custom_frequency: 'ANNUAL', starting_month: 7 }),
  metricJson('SUPERVISION_EXPENSES', 'SUPERVISION', { disaggregated_by_supervision_subsystems: false }),
  metricJson('PAROLE_EXPENSES', 'PAROLE', { enabled: false }),
  metricJson('PROBATION_EXPENSES', 'PROBATION', { enabled: false }),
];

describe('sectorsOf', () => {
  it('lists sectors once, in order, leaving sub-populations inside Supervision', () => {
    const metrics = [metricJson('PRISONS_FUNDING', 'PRISONS'), ...supervision];
    expect(sectorsOf(metrics).map((s) => s.key)).toEqual(['PRISONS', 'SUPERVISION']);
  });
});

describe('frequencyText', () => {
  it('says monthly, annually, or the first month of a fiscal year', () => {
    expect(frequencyText(metricJson('X_A', 'X'))).toBe('monthly');
    expect(frequencyText(metricJson('X_A', 'X', { frequency: 'ANNUAL', starting_month: 1 }))).toBe('annually');
    expect(frequencyText(metricJson('X_A', 'X', { custom_frequency: 'ANNUAL', starting_month: 7 }))).toBe(
      'annually (from July)',
    );
  });
});

describe('overviewOf', () => {
  it('groups metrics as action required, available and unavailable', () => {
    const metrics = [
      metricJson('PRISONS_FUNDING', 'PRISONS', { enabled: true }),
      metricJson('PRISONS_EXPENSES', 'PRISONS', { enabled: false }),
      metricJson('PRISONS_STAFF', 'PRISONS'),
    ];
    const groups = overviewOf(metrics, 'PRISONS');
    expect(groups.available.map((r) => r.metric.key)).toEqual(['PRISONS_FUNDING']);
    expect(groups.unavailable.map((r) => r.metric.key)).toEqual(['PRISONS_EXPENSES']);
    expect(groups.action_required.map((r) => r.metric.key)).toEqual(['PRISONS_STAFF']);
  });

  it('counts a disaggregated supervision metric as available when a sub-population reports it', () => {
    const groups = overviewOf(supervision, 'SUPERVISION');
    expect(groups.available.map((r) => r.metric.key)).toEqual(['SUPERVISION_FUNDING']);
    expect(groups.action_required.map((r) => r.metric.key)).toEqual(['SUPERVISION_EXPENSES']);
    expect(availabilityText(supervision, supervision[0]!)).toBe('monthly (Parole), annually (from July) (Probation)');
  });
});

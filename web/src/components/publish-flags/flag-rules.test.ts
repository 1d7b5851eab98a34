import { describe, expect, it } from 'vitest';
import type { PublishFlagJson, ReportOverview } from '@jc/server/contract';
import { flagLabel, recordNamesOf, unexplained } from './flag-rules.ts';

const flag = (reportId: number, explanation: string | null = null): PublishFlagJson => ({
  report_id: reportId,
  flag: 'unusual:LAW_ENFORCEMENT_ARRESTS',
  kind: 'unusual',
  metric_key: 'LAW_ENFORCEMENT_ARRESTS',
  sentence: 'Arrests is 400, 4 times the usual January (median 100).',
  explanation,
});
const record = (id: number, month: number, agency = { agency_id: 7, agency_name: 'Harbor Police' }) =>
  ({ id, frequency: 'MONTHLY', year: 2024, month, ...agency }) as ReportOverview;

describe('flag words', () => {
  it('names the record only when several are published together', () => {
    expect(flagLabel(flag(1), recordNamesOf([record(1, 1)]))).toBe(flag(1).sentence);
    const names = recordNamesOf([record(1, 1), record(2, 2)]);
    expect(flagLabel(flag(2), names)).toBe(`February 2024: ${flag(2).sentence}`);
  });

  it('names the agency too when the records are of several agencies (a superagency upload)', () => {
    const names = recordNamesOf([record(1, 1), record(2, 1, { agency_id: 8, agency_name: 'North Prison' })]);
    expect(flagLabel(flag(2), names)).toBe(`North Prison, January 2024: ${flag(2).sentence}`);
    expect(names.get(1)).toBe('Harbor Police, January 2024');
  });

  it('asks only about flags without an explanation', () => {
    expect(unexplained([flag(1, 'Late bookings'), flag(2)])).toEqual([flag(2)]);
  });
});

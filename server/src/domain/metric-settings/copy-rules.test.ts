import { describe, expect, it } from 'vitest';
import { copiedSetting, planCopy } from './copy-rules.ts';
import { emptyStoredSetting } from './stored-setting-rules.ts';

describe('planCopy', () => {
  const configured = new Set(['PRISONS_FUNDING', 'PRISONS_STAFF', 'JAILS_FUNDING']);
  const child = new Set(['PRISONS_FUNDING', 'PRISONS_STAFF', 'PRISONS_EXPENSES']);

  it('copies every configured metric the child reports for ALL, and names the rest', () => {
    expect(planCopy(['ALL'], configured, child)).toEqual({
      copy: ['PRISONS_FUNDING', 'PRISONS_STAFF'],
      skip: ['JAILS_FUNDING'],
    });
  });

  it('copies only the requested metrics, skipping unconfigured ones and repeats', () => {
    expect(planCopy(['PRISONS_STAFF', 'PRISONS_EXPENSES', 'PRISONS_STAFF'], configured, child)).toEqual({
      copy: ['PRISONS_STAFF'],
      skip: ['PRISONS_EXPENSES'],
    });
  });
});

describe('copiedSetting', () => {
  it("takes the superagency's configuration but keeps the child's reporting agency", () => {
    const from = { ...emptyStoredSetting('PRISONS_FUNDING'), is_metric_enabled: true, reporting_agency_id: 4 };
    const child = { ...emptyStoredSetting('PRISONS_FUNDING'), is_metric_enabled: false, is_self_reported: true };
    expect(copiedSetting(from, child)).toEqual({ ...from, reporting_agency_id: null, is_self_reported: true });
    expect(copiedSetting(from, undefined).reporting_agency_id).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { SystemName } from '@jc/catalogue';
import { findMetricFile, findSinglePageFile, metricFileForSubsystem, metricFilesFor } from './metric-files.ts';

const UPLOAD_SYSTEMS: SystemName[] = [
  'LAW_ENFORCEMENT',
  'PROSECUTION',
  'DEFENSE',
  'COURTS_AND_PRETRIAL',
  'JAILS',
  'PRISONS',
  'SUPERVISION',
  'SUPERAGENCY',
];

describe('metricFilesFor', () => {
  it('has the reference 160 sheets: 73 total sheets and 87 breakdown sheets', () => {
    const files = UPLOAD_SYSTEMS.flatMap(metricFilesFor);
    expect(files).toHaveLength(160);
    expect(files.filter((file) => file.dimension === null)).toHaveLength(73);
  });

  it('gives each breakdown sheet its category column', () => {
    const file = findMetricFile('PRISONS', 'admissions_by_type');
    expect(file).toMatchObject({ column: 'admission_type', displayName: 'Admissions By Type' });
    expect(file?.dimension?.members[0]?.value).toBe('Person Offenses');
  });

  it('keeps the space in PROSECUTION_CASES REFERRED', () => {
    expect(findMetricFile('PROSECUTION', 'cases_referred')?.metric.key).toBe('PROSECUTION_CASES REFERRED');
  });
});

describe('lookups', () => {
  it('find sheets in any capitalisation', () => {
    expect(findMetricFile('LAW_ENFORCEMENT', 'Arrests')?.metric.key).toBe('LAW_ENFORCEMENT_ARRESTS');
    expect(findMetricFile('LAW_ENFORCEMENT', 'gender')).toBeUndefined();
  });

  it('find single-page sheets by total sheet name and breakdown column', () => {
    expect(findSinglePageFile('PROSECUTION', 'cases_prosecuted', 'Biological Sex')?.sheetName).toBe(
      'cases_prosecuted_by_sex',
    );
    expect(findSinglePageFile('PROSECUTION', 'cases_prosecuted', '')?.sheetName).toBe('cases_prosecuted');
    expect(findSinglePageFile('PROSECUTION', 'cases_prosecuted_by_sex', '')).toBeUndefined();
  });

  it('point supervision sheets at a sub-system copy of the metric', () => {
    const funding = findMetricFile('SUPERVISION', 'funding')!;
    expect(metricFileForSubsystem(funding, 'PAROLE').metric.key).toBe('PAROLE_FUNDING');
  });
});

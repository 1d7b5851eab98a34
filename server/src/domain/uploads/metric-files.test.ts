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
  it("has the reference's 160 sheets (73 total, 87 breakdown) plus 9 behavioural-health sheets of jails", () => {
    const files = UPLOAD_SYSTEMS.flatMap(metricFilesFor);
    expect(files).toHaveLength(169);
    expect(files.filter((file) => file.dimension === null)).toHaveLength(73);
    const added = files.filter((file) => file.column === 'behavioral_health_need').map((file) => file.sheetName);
    expect(added).toHaveLength(9);
    expect(added).toContain('post_adj_admissions_by_bh_need');
  });

  it('gives every sheet a name Excel accepts, once per system', () => {
    for (const system of UPLOAD_SYSTEMS) {
      const names = metricFilesFor(system).map((file) => file.sheetName);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    }
  });

  it('gives every breakdown the data-entry screen shows a sheet', () => {
    for (const system of UPLOAD_SYSTEMS) {
      for (const file of metricFilesFor(system).filter((candidate) => candidate.dimension === null)) {
        const sheets = metricFilesFor(system).filter((candidate) => candidate.metric === file.metric);
        expect(sheets).toHaveLength(file.metric.dimensions.length + 1);
      }
    }
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

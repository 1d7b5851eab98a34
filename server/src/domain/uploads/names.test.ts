import { describe, expect, it } from 'vitest';
import {
  normaliseAgencyName,
  normaliseHeader,
  normaliseSheetName,
  sheetDisplayName,
  supervisionSystemFromCell,
} from './names.ts';

describe('normaliseSheetName', () => {
  it('ignores case, spaces, hyphens, folders, extensions and browser copy numbers', () => {
    for (const raw of [
      'Arrests By Type',
      'arrests-by-type',
      ' ARRESTS_BY_TYPE ',
      'exports/arrests_by_type.csv',
      'arrests_by_type (1).csv',
    ]) {
      expect(normaliseSheetName(raw)).toBe('arrests_by_type');
    }
    expect(normaliseSheetName('Arrests')).toBe('arrests');
  });
});

describe('normaliseHeader', () => {
  it('trims, lower-cases and joins words with underscores', () => {
    expect(normaliseHeader(' Year ')).toBe('year');
    expect(normaliseHeader('VALUE')).toBe('value');
    expect(normaliseHeader('Offense Type')).toBe('offense_type');
    expect(normaliseHeader('Race / Ethnicity')).toBe('race/ethnicity');
  });
});

describe('agency and system cells', () => {
  it('compare agency names without case or extra spaces', () => {
    expect(normaliseAgencyName('  Child   Agency Prison A ')).toBe('child agency prison a');
  });

  it('read supervision systems in the usual spellings', () => {
    expect(supervisionSystemFromCell('PAROLE')).toBe('PAROLE');
    expect(supervisionSystemFromCell('other-supervision')).toBe('OTHER_SUPERVISION');
    expect(supervisionSystemFromCell('Pretrial_Supervision')).toBe('PRETRIAL_SUPERVISION');
    expect(supervisionSystemFromCell('all')).toBe('SUPERVISION');
    expect(supervisionSystemFromCell('jail')).toBeUndefined();
  });

  it('shows sheet names in title case', () => {
    expect(sheetDisplayName('arrests_by_type')).toBe('Arrests By Type');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDroppedPath } from './dropped-file-rules.ts';

describe('parseDroppedPath', () => {
  it('reads the agency, and the sector when the file is in a sector folder', () => {
    expect(parseDroppedPath('12/arrests.xlsx')).toEqual({ agencyId: 12, system: undefined, fileName: 'arrests.xlsx' });
    expect(parseDroppedPath('7/PRISONS/admissions.csv')).toEqual({
      agencyId: 7,
      system: 'PRISONS',
      fileName: 'admissions.csv',
    });
  });

  it.each([
    ['../12/arrests.xlsx', 'must be a path inside the drop folder'],
    ['12/../13/arrests.xlsx', 'must be a path inside the drop folder'],
    ['/etc/passwd', 'must be a path inside the drop folder'],
    ['12//arrests.xlsx', 'must be a path inside the drop folder'],
    ['12\\arrests.xlsx', 'must be a path inside the drop folder'],
    ['./12/arrests.xlsx', 'must be a path inside the drop folder'],
    ['arrests.xlsx', "named after the agency's id"],
    ['police/arrests.xlsx', "named after the agency's id"],
    ['012/arrests.xlsx', "named after the agency's id"],
    ['12/PRISONS/2024/arrests.xlsx', "named after the agency's id"],
    ['12/Prisons/arrests.xlsx', 'the folder "Prisons" is not a sector name'],
  ])('refuses %s', (file, words) => {
    expect(() => parseDroppedPath(file)).toThrow(words);
  });
});

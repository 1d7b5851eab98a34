import { describe, expect, it } from 'vitest';
import { recordPeriodPreview, recordRequest, yearOptions, type RecordChoice } from './create-record-rules.ts';

const base: RecordChoice = { frequency: 'MONTHLY', month: 3, yearStandard: 'CALENDAR', endingMonth: 9, year: 2024 };

describe('New Record', () => {
  it('asks for a monthly record by its month', () => {
    expect(recordRequest(base)).toEqual({ frequency: 'MONTHLY', month: 3, year: 2024 });
    expect(recordPeriodPreview(base)).toBe('March 1, 2024 – March 31, 2024');
  });

  it('asks for calendar, fiscal and other years by their first month and the year they end', () => {
    const annual = { ...base, frequency: 'ANNUAL' as const };
    expect(recordRequest(annual)).toEqual({ frequency: 'ANNUAL', month: 1, year: 2024 });
    expect(recordPeriodPreview(annual)).toBe('January 1, 2024 – December 31, 2024');
    expect(recordRequest({ ...annual, yearStandard: 'FISCAL' })).toEqual({ frequency: 'ANNUAL', month: 7, year: 2024 });
    expect(recordPeriodPreview({ ...annual, yearStandard: 'FISCAL' })).toBe('July 1, 2023 – June 30, 2024');
    expect(recordPeriodPreview({ ...annual, yearStandard: 'OTHER', endingMonth: 9 })).toBe(
      'October 1, 2023 – September 30, 2024',
    );
  });

  it('offers years from next year back to 1970', () => {
    const years = yearOptions(new Date('2024-05-01T00:00:00Z'));
    expect(years[0]).toBe(2025);
    expect(years.at(-1)).toBe(1970);
  });
});

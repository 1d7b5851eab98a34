import { describe, expect, it } from 'vitest';
import {
  choiceFor,
  initialChoice,
  periodState,
  recordPeriodPreview,
  recordRequest,
  settle,
  yearOptions,
  type RecordChoice,
} from './create-record-rules.ts';

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

  it('offers years from the server’s current year back to 1970', () => {
    const years = yearOptions('2026-12-03');
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(1970);
  });

  it('turns a period back into the choice that makes it', () => {
    expect(recordRequest(choiceFor('MONTHLY', '2026-11-01'))).toEqual({ frequency: 'MONTHLY', month: 11, year: 2026 });
    expect(recordRequest(choiceFor('ANNUAL', '2025-01-01'))).toEqual({ frequency: 'ANNUAL', month: 1, year: 2025 });
    expect(choiceFor('ANNUAL', '2025-07-01')).toMatchObject({ yearStandard: 'FISCAL', year: 2026 });
    expect(choiceFor('ANNUAL', '2025-10-01')).toMatchObject({ yearStandard: 'OTHER', endingMonth: 9, year: 2026 });
    expect(recordRequest(choiceFor('ANNUAL', '2025-10-01'))).toEqual({ frequency: 'ANNUAL', month: 10, year: 2026 });
  });
});

describe('New Record in early December 2026, with a November record', () => {
  const calendar = { today: '2026-12-03', existing: [{ start: '2026-11-01', end: '2026-12-01' }] };
  const month = (m: number, year = 2026): RecordChoice => ({ ...base, month: m, year });

  it('starts at the most recent ended month without a record', () => {
    expect(initialChoice(calendar, null)).toMatchObject({ frequency: 'MONTHLY', month: 10, year: 2026 });
    expect(initialChoice({ ...calendar, existing: [] }, null)).toMatchObject({ month: 11, year: 2026 });
  });

  it('starts at the period a task card asked for, unless it is taken or not over', () => {
    expect(initialChoice(calendar, choiceFor('ANNUAL', '2025-01-01'))).toMatchObject({
      frequency: 'ANNUAL',
      year: 2025,
    });
    expect(initialChoice(calendar, month(11))).toMatchObject({ month: 10 });
    expect(initialChoice(calendar, month(12))).toMatchObject({ month: 10 });
  });

  it('says which periods are taken or not over', () => {
    expect(periodState(month(10), calendar)).toBe('open');
    expect(periodState(month(11), calendar)).toBe('exists');
    expect(periodState(month(12), calendar)).toBe('not-ended');
    expect(periodState({ ...base, frequency: 'ANNUAL', year: 2026 }, calendar)).toBe('not-ended');
    expect(periodState({ ...base, frequency: 'ANNUAL', yearStandard: 'FISCAL', year: 2026 }, calendar)).toBe('open');
  });

  it('moves a choice that is not offered to the latest one that is', () => {
    expect(settle(month(12), calendar)).toMatchObject({ month: 10, year: 2026 });
    expect(settle(month(12, 2025), calendar)).toMatchObject({ month: 12, year: 2025 });
    expect(settle({ ...base, frequency: 'ANNUAL', year: 2026 }, calendar)).toMatchObject({ year: 2025 });
  });
});

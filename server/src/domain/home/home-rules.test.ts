import { describe, expect, it } from 'vitest';
import { addMonths, firstOfMonth, parseIsoDate } from '../../contract/report-periods.ts';
import { latestRecords as latestOf } from './home-rules.ts';

const record = (type: 'MONTHLY' | 'ANNUAL') => (id: number, start: string) => ({
  id,
  type,
  dateRangeStart: start,
  dateRangeEnd: firstOfMonth(addMonths(parseIsoDate(start), type === 'MONTHLY' ? 1 : 12)),
});
const monthly = record('MONTHLY');
const annual = record('ANNUAL');
/** Long after every record below has ended. */
const latestRecords = (records: Parameters<typeof latestOf>[0]) => latestOf(records, '2030-01-01');

describe('latestRecords', () => {
  it('finds nothing among no records', () => {
    expect(latestRecords([])).toEqual({ monthly: null, annual: new Map() });
  });

  it('picks the monthly record that starts last, whatever the order given', () => {
    const records = [monthly(1, '2024-02-01'), monthly(2, '2024-05-01'), monthly(3, '2023-12-01')];
    expect(latestRecords(records).monthly?.id).toBe(2);
  });

  it('keeps one annual record per starting month: calendar and fiscal years apart', () => {
    const records = [
      annual(1, '2022-01-01'),
      annual(2, '2023-01-01'),
      annual(3, '2022-07-01'),
      annual(4, '2021-07-01'),
      monthly(5, '2024-01-01'),
    ];
    const { annual: byMonth, monthly: latest } = latestRecords(records);
    expect([...byMonth.entries()].map(([month, r]) => [month, r.id])).toEqual([
      [1, 2],
      [7, 3],
    ]);
    expect(latest?.id).toBe(5);
  });

  it('leaves out records whose period has not ended: this month, this year', () => {
    const records = [
      monthly(1, '2026-11-01'),
      monthly(2, '2026-12-01'),
      annual(3, '2025-01-01'),
      annual(4, '2026-01-01'),
    ];
    const latest = latestOf(records, '2026-12-03');
    expect(latest.monthly?.id).toBe(1);
    expect(latest.annual.get(1)?.id).toBe(3);
  });

  it('breaks a tie on the same period by the newer record', () => {
    expect(latestRecords([monthly(8, '2024-01-01'), monthly(9, '2024-01-01')]).monthly?.id).toBe(9);
  });
});

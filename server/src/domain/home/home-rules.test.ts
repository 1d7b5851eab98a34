import { describe, expect, it } from 'vitest';
import { latestRecords } from './home-rules.ts';

const monthly = (id: number, start: string) => ({ id, type: 'MONTHLY', dateRangeStart: start });
const annual = (id: number, start: string) => ({ id, type: 'ANNUAL', dateRangeStart: start });

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

  it('breaks a tie on the same period by the newer record', () => {
    expect(latestRecords([monthly(8, '2024-01-01'), monthly(9, '2024-01-01')]).monthly?.id).toBe(9);
  });
});

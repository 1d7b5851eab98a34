import { describe, expect, it } from 'vitest';
import { abbreviate, formatFigure, formatShare, isoDay, periodLabel } from './figure-format.ts';

describe('periods', () => {
  it('reads the server’s dates in UTC', () => {
    expect(isoDay('Fri, 01 Mar 2024 00:00:00 GMT')).toBe('2024-03-01');
  });

  it('names months, calendar years and fiscal years', () => {
    expect(periodLabel('2024-03-01', 'MONTHLY')).toBe('Mar 2024');
    expect(periodLabel('2023-01-01', 'ANNUAL')).toBe('Jan 2023 - Dec 2023');
    expect(periodLabel('2023-07-01', 'ANNUAL')).toBe('Jul 2023 - Jun 2024');
  });
});

describe('figures', () => {
  it('abbreviates axis values, with dollars for money', () => {
    expect(abbreviate(950)).toBe('950');
    expect(abbreviate(1234)).toBe('1.2k');
    expect(abbreviate(2_500_000, true)).toBe('$2.5m');
    expect(abbreviate(0)).toBe('0');
  });

  it('writes full figures with separators and a dash for none', () => {
    expect(formatFigure(1234567.891)).toBe('1,234,567.89');
    expect(formatFigure(null)).toBe('-');
    expect(formatFigure(50, true)).toBe('$50');
  });

  it('gives shares as whole percentages, and <1% for small ones', () => {
    expect(formatShare(1, 4)).toBe('25%');
    expect(formatShare(1, 1000)).toBe('<1%');
    expect(formatShare(0, 10)).toBe('0%');
    expect(formatShare(3, 0)).toBe('0%');
  });
});

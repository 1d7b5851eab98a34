import { getBreakdown } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import {
  normalizeSubDimension,
  parseMemberKey,
  readStoredValue,
  sameStoredValue,
  storedValue,
  titleCase,
  valueProblem,
} from './datapoint-rules.ts';

describe('valueProblem', () => {
  it('accepts zero, whole and decimal numbers', () => {
    expect(valueProblem('Calls', 0)).toBeUndefined();
    expect(valueProblem('Calls', 1500)).toBeUndefined();
    expect(valueProblem('Amount', 2.5)).toBeUndefined();
  });

  it('refuses negative, non-finite and too large numbers, saying why', () => {
    expect(valueProblem('Calls', -1)).toBe('must be 0 or more (got -1)');
    expect(valueProblem('Calls', Number.NaN)).toBe('must be a number (got NaN)');
    expect(valueProblem('Calls', Infinity)).toBe('must be a number (got Infinity)');
    expect(valueProblem('Calls', 1e16)).toMatch(/^must be at most 999,999,999,999,999, the largest figure/);
    expect(valueProblem('Calls', 999_999_999_999_999)).toBeUndefined();
    expect(valueProblem('Calls', 1_000_000_000_000_000)).toMatch(/^must be at most 999,999,999,999,999/);
    expect(valueProblem('Amount', 0.12345678901234568)).toMatch(/^can have at most 15 significant digits/);
    expect(valueProblem('Amount', 1234567.25)).toBeUndefined();
  });

  it('keeps percentages between 0 and 100', () => {
    expect(valueProblem('Percent', 100)).toBeUndefined();
    expect(valueProblem('% of cases', 101)).toBe('is a percentage, so must be between 0 and 100 (got 101)');
  });
});

describe('stored values', () => {
  it('are text, read back as numbers when they are numbers', () => {
    expect(storedValue(1500)).toBe('1500');
    expect(storedValue(null)).toBeNull();
    expect(readStoredValue('3.0')).toBe(3);
    expect(readStoredValue('2.5')).toBe(2.5);
    expect(readStoredValue('123abc')).toBe('123abc');
    expect(readStoredValue('')).toBe('');
    expect(readStoredValue(null)).toBeNull();
  });

  it('compare by number, so "3" and "3.0" are no change', () => {
    expect(sameStoredValue('3', '3.0')).toBe(true);
    expect(sameStoredValue('3', '4')).toBe(false);
    expect(sameStoredValue(null, null)).toBe(true);
    expect(sameStoredValue(null, '0')).toBe(false);
    expect(sameStoredValue('note', 'note')).toBe(true);
  });
});

describe('sub-dimension labels', () => {
  it('are stored upper-case and trimmed, shown title-cased', () => {
    expect(normalizeSubDimension('  santa   claus ')).toBe('SANTA CLAUS');
    expect(titleCase('SANTA CLAUS')).toBe('Santa Claus');
  });
});

describe('parseMemberKey', () => {
  const offense = getBreakdown('LAW_ENFORCEMENT_ARRESTS', 'metric/offense/type')!;
  const calls = getBreakdown('LAW_ENFORCEMENT_CALLS_FOR_SERVICE', 'metric/law_enforcement/calls_for_service/type')!;

  it('finds members by display value or stored name', () => {
    expect(parseMemberKey(offense, 'Drug Offenses')?.member.name).toBe('DRUG');
    expect(parseMemberKey(offense, 'DRUG')?.member.name).toBe('DRUG');
  });

  it('reads "<member> - <label>" as a custom sub-category, even when the member has a hyphen', () => {
    expect(parseMemberKey(offense, 'Other Offenses - Littering')).toEqual({
      member: expect.objectContaining({ name: 'OTHER' }),
      subDimensionName: 'LITTERING',
    });
    expect(parseMemberKey(calls, 'Non-emergency Calls')?.member.name).toBe('NON_EMERGENCY');
    expect(parseMemberKey(calls, 'Non-emergency Calls - Noise')?.subDimensionName).toBe('NOISE');
  });

  it('finds nothing for an unknown member', () => {
    expect(parseMemberKey(offense, 'Jaywalking')).toBeUndefined();
  });
});

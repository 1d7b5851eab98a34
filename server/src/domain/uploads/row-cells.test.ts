import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { readAgency, readMember, readMonth, readSystem, readValue, readYear } from './row-cells.ts';

const offenseType = getMetric('LAW_ENFORCEMENT_ARRESTS')!.dimensions.find(
  (d) => d.identifier === 'metric/offense/type',
)!;
const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : undefined);
const title = (result: { ok: boolean; problem?: { title: string } }) => result.problem?.title;

describe('readYear', () => {
  it('reads years as numbers or text, up to the current year', () => {
    expect(value(readYear(2023, 2, 2025))).toEqual({ year: 2023, fiscal: false });
    expect(value(readYear('2023', 2, 2025))).toEqual({ year: 2023, fiscal: false });
    expect(title(readYear(2026, 2, 2025))).toBe("Invalid 'year' Column Value");
    expect(title(readYear(null, 2, 2025))).toBe("Empty 'year' Column Value");
    expect(title(readYear('FY-2023', 2, 2025))).toBe("Invalid 'year' Column Value");
  });

  it('reads fiscal-year text as the year it ends in', () => {
    expect(value(readYear('2022-2023', 2, 2025))).toEqual({ year: 2023, fiscal: true });
    expect(value(readYear('2022-23', 2, 2025))).toEqual({ year: 2023, fiscal: true });
    expect(title(readYear('2022-2024', 2, 2025))).toBe("Invalid 'year' Column Value");
  });
});

describe('readMonth', () => {
  it('reads numbers and month names; blank means annual', () => {
    expect(value(readMonth(3, 2))).toBe(3);
    expect(value(readMonth('march', 2))).toBe(3);
    expect(value(readMonth(null, 2))).toBeNull();
  });

  it('names the row and the value it refuses', () => {
    const result = readMonth(13, 7);
    expect(result).toMatchObject({ ok: false, problem: { title: "Invalid 'month' Column Value" } });
    expect(!result.ok && result.problem.description).toContain("Row 7: The 'month' column has an invalid value: 13.");
    expect(title(readMonth('Jan', 2))).toBe("Invalid 'month' Column Value");
  });
});

describe('readValue', () => {
  it('reads numbers, numeric text and thousands separators exactly as written', () => {
    expect(value(readValue(12.345, 2))).toBe(12.345);
    expect(value(readValue(0.1 + 0.2, 2))).toBe(0.3);
    expect(value(readValue('999,999,999,999,999', 2))).toBe(999_999_999_999_999);
    expect(value(readValue(' 1,000 ', 2))).toBe(1000);
    expect(value(readValue('1,234,567.5', 2))).toBe(1234567.5);
    expect(value(readValue('0', 2))).toBe(0);
  });

  it('refuses blanks, text, negative numbers and infinities', () => {
    expect(title(readValue(null, 2))).toBe("Empty 'value' Column Value");
    for (const bad of ['abc', 'n/a', '1,00', '-1', -1, 'inf', 'nan', '12 apples']) {
      expect(title(readValue(bad, 2))).toBe("Invalid 'value' Column Value");
    }
  });
});

describe('readValue limits', () => {
  it('refuses text a stored figure could not hold exactly, naming the limit', () => {
    const tooLarge = readValue('99999999999999999999999', 2);
    expect(tooLarge.ok ? undefined : tooLarge.problem.description).toContain('must be at most 999,999,999,999,999');
    const tooPrecise = readValue('1.0000000000000001', 2);
    expect(tooPrecise.ok ? undefined : tooPrecise.problem.description).toContain('at most 15 significant digits');
  });

  it('reads whole numbers the same on the short path and past its edges', () => {
    expect(value(readValue('000123', 2))).toBe(123);
    expect(value(readValue('999999999999999', 2))).toBe(999_999_999_999_999);
    expect(title(readValue('1000000000000000', 2))).toBe("Invalid 'value' Column Value");
    expect(value(readValue(999_999_999_999_999, 2))).toBe(999_999_999_999_999);
    expect(value(readValue(1e15, 2))).toBe(1e15);
    expect(Object.is(value(readValue(-0, 2)), 0)).toBe(true);
  });
});

describe('readMember', () => {
  it('matches display names fuzzily and stored names exactly', () => {
    expect(value(readMember('person offenses', 2, 'offense_type', offenseType))?.name).toBe('PERSON');
    expect(value(readMember('DRUG', 2, 'offense_type', offenseType))?.name).toBe('DRUG');
  });

  it('gives one message listing the valid options', () => {
    const result = readMember('Person', 4, 'offense_type', offenseType);
    expect(result).toMatchObject({ ok: false, problem: { title: "Invalid 'offense_type' Column Value" } });
    expect(!result.ok && result.problem.description).toContain('Valid options for this column are: Person Offenses, ');
  });
});

describe('readAgency and readSystem', () => {
  const children = [{ id: 7, name: 'Child Agency Prison A', customName: 'foobar' }];

  it('find child agencies by name or custom name in any case', () => {
    expect(value(readAgency(' child agency prison a', 2, children))?.id).toBe(7);
    expect(value(readAgency('FOOBAR', 2, children))?.id).toBe(7);
    const refused = readAgency('Elsewhere', 3, children);
    expect(!refused.ok && refused.problem.description).toContain('does not have permissions to report for Elsewhere');
  });

  it('answer the same when a row names an agency again, known or not', () => {
    for (let row = 2; row < 5; row += 1) {
      expect(value(readAgency('Child  Agency Prison A ', row, children))?.id).toBe(7);
      const refused = readAgency('Elsewhere', row, children);
      expect(!refused.ok && refused.problem.title).toBe("Invalid 'agency' Column Value");
    }
  });

  it("accept the agency's supervision systems and file unknown names as a file-level problem", () => {
    expect(value(readSystem('parole', 2, ['SUPERVISION', 'PAROLE']))).toBe('PAROLE');
    expect(readSystem('probation', 2, ['SUPERVISION', 'PAROLE'])).toMatchObject({
      ok: false,
      problem: { title: "Invalid 'system' Column Value" },
    });
    expect(readSystem('jail', 2, ['SUPERVISION', 'PAROLE'])).toMatchObject({
      ok: false,
      aboutFile: true,
      problem: { title: 'System Not Recognized' },
    });
  });
});

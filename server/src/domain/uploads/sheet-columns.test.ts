import { describe, expect, it } from 'vitest';
import type { RawRow } from './raw-upload.ts';
import { checkColumns, isSinglePageSheet, type ColumnExpectation } from './sheet-columns.ts';

const monthly: ColumnExpectation = {
  singlePage: false,
  breakdownColumn: null,
  month: true,
  agency: false,
  system: false,
};
const rows = (...cells: (string | number | null)[][]): RawRow[] =>
  cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
const titles = (check: { problems: { title: string }[] }) => check.problems.map((p) => p.title);

describe('checkColumns', () => {
  it('accepts headers in any case and spacing', () => {
    const check = checkColumns([' Year ', 'MONTH', 'Value'], rows([2023, 1, 5]), monthly);
    expect(check).toMatchObject({ usable: true, problems: [] });
    expect([...check.columns.keys()]).toEqual(['year', 'month', 'value']);
  });

  it('refuses a sheet missing an expected column, and warns when only month is missing', () => {
    expect(checkColumns(['year', 'month'], rows([2023, 1]), monthly)).toMatchObject({ usable: false });
    const noMonth = checkColumns(['year', 'value'], rows([2023, 5]), monthly);
    expect(noMonth.usable).toBe(true);
    expect(noMonth.problems).toMatchObject([{ type: 'WARNING', title: "Missing 'month' Column" }]);
  });

  it('refuses empty and unexpected columns, warns about an unexpected month', () => {
    expect(titles(checkColumns(['year', 'month', 'value'], rows([null, 1, 5]), monthly))).toEqual([
      "Empty 'year' Column",
    ]);
    expect(titles(checkColumns(['year', 'month', 'value', 'system'], rows([2023, 1, 5, 'all']), monthly))).toEqual([
      "Unexpected 'system' Column",
    ]);
    const annual = checkColumns(['year', 'month', 'value'], rows([2023, 1, 5]), { ...monthly, month: false });
    expect(annual).toMatchObject({ usable: true, problems: [{ type: 'WARNING', title: "Unexpected 'month' Column" }] });
  });

  it('accepts a sheet without a single figure, whatever else is empty', () => {
    const unfilled = checkColumns(['year', 'month', 'value'], rows([2023, null, null]), monthly);
    expect(unfilled).toMatchObject({ usable: true, problems: [] });
  });

  it('refuses duplicate columns and ignores blank headers', () => {
    expect(titles(checkColumns(['year', 'value', 'Value'], rows([2023, 5, 6]), { ...monthly, month: false }))).toEqual([
      "Duplicate 'value' Column",
    ]);
    expect(checkColumns(['', 'year', 'value'], rows([0, 2023, 5]), { ...monthly, month: false }).problems).toEqual([]);
  });
});

describe('isSinglePageSheet', () => {
  it('recognises the single-page columns in any case', () => {
    expect(isSinglePageSheet(['Metric', 'year', 'value'])).toBe(true);
    expect(isSinglePageSheet(['year', 'value'])).toBe(false);
  });
});

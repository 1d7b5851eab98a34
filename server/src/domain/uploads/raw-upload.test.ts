import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { SheetBudget } from './raw-upload.ts';

const LIMIT_MB = UPLOAD_LIMITS.maxSheetCellBytes / 1024 / 1024;
const ROW_LIMIT = UPLOAD_LIMITS.maxRows.toLocaleString('en-US');

describe('SheetBudget', () => {
  it('refuses a sheet once its kept cells would take more than the limit, naming the sheet and the limit', () => {
    const budget = new SheetBudget('arrests');
    const row = Array.from({ length: 10 }, () => 'x'.repeat(1_000));
    const rowsAllowed = Math.floor(UPLOAD_LIMITS.maxSheetCellBytes / (64 + 10 * (24 + 1_000)));
    for (let kept = 0; kept < rowsAllowed; kept += 1) budget.keep(row);
    expect(() => budget.keep(row)).toThrow(
      expect.objectContaining({ code: 'payload_too_large', message: expect.stringContaining('sheet "arrests"') }),
    );
    expect(() => budget.keep(row)).toThrow(`more than ${LIMIT_MB} MB`);
  });

  it('counts text beyond Latin-1 at two bytes a character', () => {
    const budget = new SheetBudget('arrests');
    const row = Array.from({ length: 10 }, () => '€'.repeat(1_000));
    const rowsAllowed = Math.floor(UPLOAD_LIMITS.maxSheetCellBytes / (64 + 10 * (24 + 2_000)));
    for (let kept = 0; kept < rowsAllowed; kept += 1) budget.keep(row);
    expect(() => budget.keep(row)).toThrow(`more than ${LIMIT_MB} MB`);
  });

  it(`lets an honest CSV sheet of six-column rows through up to the row limit, ${ROW_LIMIT}`, () => {
    const budget = new SheetBudget('arrests');
    const row = ['2023', '12', 'Felony', 'Total', '1500', 'Agency name 12'];
    expect(() => {
      for (let kept = 0; kept < UPLOAD_LIMITS.maxRows; kept += 1) budget.keep(row);
    }).not.toThrow();
  });
});

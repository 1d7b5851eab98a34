/**
 * Which columns a sheet must, may and must not have, and the sheet-level checks of its header. A
 * sheet with an ERROR here is skipped whole; a WARNING (only about `month`) lets its rows through.
 */
import type { RawRow } from './raw-upload.ts';
import { normaliseHeader } from './names.ts';
import { messages, type Problem } from './upload-messages.ts';

export interface ColumnExpectation {
  singlePage: boolean;
  /** A breakdown sheet's category column, e.g. `offense_type`. */
  breakdownColumn: string | null;
  month: boolean;
  agency: boolean;
  system: boolean;
}

export interface ColumnCheck {
  /** Normalised header → column index, blank headers left out. */
  columns: Map<string, number>;
  problems: Problem[];
  /** False when an ERROR means the sheet's rows must not be read. */
  usable: boolean;
}

export const SINGLE_PAGE_COLUMNS = ['metric', 'breakdown_category', 'breakdown'] as const;

/** A sheet is a single-page sheet when any header names one of its special columns. */
export function isSinglePageSheet(headers: readonly string[]): boolean {
  return headers.some((header) => (SINGLE_PAGE_COLUMNS as readonly string[]).includes(normaliseHeader(header)));
}

/** The columns the sheet should have, in the order templates write them. */
export function expectedColumns(expect: ColumnExpectation, headers: ReadonlySet<string>): string[] {
  const hasBreakdowns = headers.has('breakdown_category') || headers.has('breakdown');
  return [
    ...(expect.singlePage ? ['metric'] : []),
    'year',
    ...(expect.month ? ['month'] : []),
    ...(expect.agency ? ['agency'] : []),
    ...(expect.system ? ['system'] : []),
    ...(expect.breakdownColumn ? [expect.breakdownColumn] : []),
    ...(expect.singlePage && hasBreakdowns ? ['breakdown_category', 'breakdown'] : []),
    'value',
  ];
}

function indexHeaders(headers: readonly string[], problems: Problem[]): Map<string, number> {
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const name = normaliseHeader(header);
    if (name === '') return;
    if (columns.has(name)) problems.push(messages.duplicateColumn(name));
    else columns.set(name, index);
  });
  return columns;
}

function isFilled(rows: readonly RawRow[], index: number): boolean {
  return rows.some((row) => row.cells[index] !== null && row.cells[index] !== undefined);
}

export function checkColumns(
  headers: readonly string[],
  rows: readonly RawRow[],
  expect: ColumnExpectation,
): ColumnCheck {
  const problems: Problem[] = [];
  const columns = indexHeaders(headers, problems);
  const expected = expectedColumns(expect, new Set(columns.keys()));
  const found = [...columns.keys()];
  // A sheet without a single figure (a template sheet nobody filled in) has nothing to check: its
  // rows are counted as blank, not refused column by column.
  const valueIndex = columns.get('value');
  const hasFigures = valueIndex === undefined || isFilled(rows, valueIndex);
  for (const column of expected) {
    const index = columns.get(column);
    if (index === undefined) problems.push(messages.missingColumn(column, found));
    else if (hasFigures && !isFilled(rows, index)) problems.push(messages.emptyColumn(column));
  }
  for (const [column, index] of columns) {
    if (!expected.includes(column)) problems.push(messages.unexpectedColumn(column, expected, isFilled(rows, index)));
  }
  return { columns, problems, usable: problems.every((problem) => problem.type !== 'ERROR') };
}

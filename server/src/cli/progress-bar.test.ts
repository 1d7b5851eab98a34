import { describe, expect, it } from 'vitest';
import { progressLine, progressPrinter } from './progress-bar.ts';

describe("jc import's progress", () => {
  it('draws a bar with the percent and what is happening', () => {
    expect(progressLine({ phase: 'reading', rowsRead: 12_000, shareRead: 0.5 })).toBe(
      '[#####...............]  25%  reading: 12,000 rows read',
    );
    const writing = {
      phase: 'writing',
      rowsRead: 9,
      rowsToWrite: 40_000,
      rowsWritten: 20_000,
      errors: 0,
      warnings: 0,
    } as const;
    expect(progressLine(writing)).toBe('[###############.....]  75%  saving: 20,000 of 40,000 values written');
  });

  it('prints a line only when the upload reaches a new tenth', () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    for (const shareRead of [0, 0.05, 0.1, 0.15, 0.5, 1]) print({ phase: 'reading', rowsRead: 1, shareRead });
    expect(lines.map((line) => line.slice(22, 27).trim())).toEqual(['0%', '25%', '50%']);
  });
});

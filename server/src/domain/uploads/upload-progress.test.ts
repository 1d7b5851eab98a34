import { describe, expect, it } from 'vitest';
import { percentDone } from './upload-progress.ts';

const writing = (rowsWritten: number, rowsToWrite: number) =>
  ({ phase: 'writing', rowsRead: 10, rowsToWrite, rowsWritten, errors: 0, warnings: 0 }) as const;

describe('percentDone', () => {
  it('spends the first half reading', () => {
    expect(percentDone({ phase: 'reading', rowsRead: 0, shareRead: 0 })).toBe(0);
    expect(percentDone({ phase: 'reading', rowsRead: 5, shareRead: 0.5 })).toBe(25);
    expect(percentDone({ phase: 'reading', rowsRead: 9, shareRead: 1 })).toBe(50);
  });

  it('spends the second half writing and stays below 100 until saved', () => {
    expect(percentDone(writing(0, 400))).toBe(50);
    expect(percentDone(writing(100, 400))).toBe(62);
    expect(percentDone(writing(400, 400))).toBe(99);
    expect(percentDone(writing(0, 0))).toBe(99);
  });
});

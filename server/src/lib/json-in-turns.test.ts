import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonInTurns } from './json-in-turns.ts';
import { LazyList } from './lazy-list.ts';

/** Squares of 0 to length - 1, made as they are read. */
class Squares extends LazyList<number[]> {
  constructor(readonly length: number) {
    super();
  }

  slice(start = 0, end = this.length): number[][] {
    return Array.from({ length: Math.max(0, Math.min(end, this.length) - start) }, (_, i) => [
      start + i,
      (start + i) ** 2,
    ]);
  }
}

describe('jsonInTurns', () => {
  it('writes what JSON.stringify writes, for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await jsonInTurns(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes dates through toJSON', async () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1], d: new Date(0), e: { toJSON: () => 'x' } };
    expect(await jsonInTurns(value)).toBe(JSON.stringify(value));
  });

  it('writes long arrays in slices, inside short ones, with the same text', async () => {
    const tuples = Array.from({ length: 12_345 }, (_, i) => [i, i % 7 === 0 ? null : `m${i}`, i / 3]);
    const value = {
      metrics: [
        { key: 'A', datapoints: tuples },
        { key: 'B', datapoints: tuples.slice(0, 10) },
      ],
    };
    expect(await jsonInTurns(value)).toBe(JSON.stringify(value));
  });

  it('writes a list made as it is read like the array it stands for, short or long', async () => {
    for (const length of [0, 3, 12_345]) {
      const value = { metrics: [{ key: 'A', datapoints: new Squares(length) }] };
      const expected = { metrics: [{ key: 'A', datapoints: new Squares(length).slice() }] };
      expect(await jsonInTurns(value)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(value)).toBe(JSON.stringify(expected));
    }
  });

  it('lets other work run while it writes a long array', async () => {
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    const writing = jsonInTurns(Array.from({ length: 20_000 }, (_, i) => i));
    const text = await writing;
    expect(ranMeanwhile).toBe(true);
    expect(text.length).toBeGreaterThan(20_000);
  });
});

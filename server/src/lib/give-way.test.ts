import { describe, expect, it } from 'vitest';
import { eachInTurn } from './give-way.ts';

describe('eachInTurn', () => {
  it('gives every item in order, letting waiting work run between two items', async () => {
    const seen: string[] = [];
    function* pieces() {
      seen.push('a');
      yield 'a';
      seen.push('b');
      yield 'b';
    }
    setImmediate(() => seen.push('other'));
    const items: string[] = [];
    for await (const item of eachInTurn(pieces())) items.push(item);
    expect(items).toEqual(['a', 'b']);
    expect(seen).toEqual(['a', 'other', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { fuzzyWordMatch, matchesEveryWord, typedWords } from './fuzzy-search.ts';

describe('fuzzyWordMatch', () => {
  it('finds a word typed with letters left out, from its first letter, and not letters out of order', () => {
    expect(fuzzyWordMatch('nrthrn', 'northern state prison')).toBe(true);
    expect(fuzzyWordMatch('prisn', 'northern state prison')).toBe(true);
    expect(fuzzyWordMatch('rison', 'northern state prison')).toBe(true);
    expect(fuzzyWordMatch('nprs', 'northern state prison')).toBe(false);
    expect(fuzzyWordMatch('pz', 'northern state prison')).toBe(false);
  });
});

describe('matchesEveryWord', () => {
  it('needs every typed word, in any case', () => {
    expect(matchesEveryWord(typedWords('  Nrthrn  PRISN '), 'Northern State Prison')).toBe(true);
    expect(matchesEveryWord(typedWords('northern jail'), 'Northern State Prison')).toBe(false);
    expect(matchesEveryWord(typedWords(''), 'Anything')).toBe(true);
  });
});

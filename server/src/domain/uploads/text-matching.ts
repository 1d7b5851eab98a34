/**
 * Fuzzy matching of breakdown and month names typed by people: case, word order, punctuation,
 * plurals and filler words do not matter, but short forms do ("Person" is not "Person Offenses").
 * Both sides are reduced to sorted, de-duplicated word stems, then compared with a Levenshtein-style
 * similarity (0–100); the best option scoring at least 90 wins, as in the reference.
 */
import stem from 'wink-porter2-stemmer';
import { MONTH_NAMES } from '../../contract/report-periods.ts';

export const MATCH_THRESHOLD = 90;

/** English stop words (the usual NLTK list), except "other" and "not", which tell options apart. */
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
    'are was were be been being have has had having do does did doing a an the and but if or because as until ' +
    'while of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further then once here there when where why how all any both each ' +
    'few more most some such no nor only own same so than too very s t can will just don should now d ll m o ' +
    're ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn'
  ).split(' '),
);

/** Words that are noise in a label: anything with a digit, an e-mail or a web address. */
const NOISE_WORD = /[0-9@]|http|www/;

export function matchKey(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/-/g, '')
    .split(/\s+/)
    .filter((word) => !NOISE_WORD.test(word))
    .join(' ')
    .replace(/[^a-z]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
  return [...new Set(words.map((word) => stem(word)))].sort().join(' ');
}

/** Length of the longest common subsequence of two strings. */
function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Similarity 0–100 based on insertions and deletions (the "ratio" of fuzzy-matching libraries). */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 0;
  return (200 * commonSubsequence(a, b)) / (a.length + b.length);
}

export interface MatchOption<T> {
  label: string;
  item: T;
}

/**
 * The option the text names: an exact match of the label (ignoring case and spacing) first, then
 * the best fuzzy match scoring at least MATCH_THRESHOLD; undefined when none does.
 */
export function bestMatch<T>(text: string, options: readonly MatchOption<T>[]): T | undefined {
  const plain = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
  const wanted = plain(text);
  const exact = options.find((option) => plain(option.label) === wanted);
  if (exact) return exact.item;
  const key = matchKey(text);
  let best: { item: T; score: number } | undefined;
  for (const option of options) {
    const score = similarity(key, matchKey(option.label));
    if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { item: option.item, score };
  }
  return best?.item;
}

const MONTHS = MONTH_NAMES.map((label, index) => ({ label, item: index + 1 }));

/** A month number from a name such as "march" or "Febuary"; undefined for "Jan" or nonsense. */
export function monthFromName(text: string): number | undefined {
  return bestMatch(text, MONTHS);
}

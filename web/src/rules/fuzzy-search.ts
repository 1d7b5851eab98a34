/** Forgiving search by name: the child-agency table on Home and the child-agency switcher. */

/**
 * A typed word matches text that contains it, or a word of the text holding its letters in order
 * ("nrthrn" finds "Northern", "cntrl" finds "central"), so small slips still find the agency.
 */
export function fuzzyWordMatch(word: string, text: string): boolean {
  if (text.includes(word)) return true;
  if (word.length < 3) return false;
  return text.split(/[^a-z0-9]+/).some((candidate) => {
    let at = 0;
    for (const letter of candidate) if (letter === word[at]) at += 1;
    return at === word.length && candidate[0] === word[0];
  });
}

/** The words of a search box, lower-cased. */
export const typedWords = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Whether the text holds every typed word, forgiving small slips (fuzzyWordMatch). */
export function matchesEveryWord(words: readonly string[], text: string): boolean {
  const lower = text.toLowerCase();
  return words.every((word) => fuzzyWordMatch(word, lower));
}

/** How the data-entry form and the Review screen word a breakdown that does not add up to its total. */
import type { BreakdownMismatch } from '@jc/server/contract';

const figure = (value: number) => value.toLocaleString('en-US');

/** "The Offense Types breakdown adds up to 35, more than the total of 30." */
export function mismatchSentence({ breakdown, problem, sum, total }: BreakdownMismatch): string {
  return `The ${breakdown} breakdown adds up to ${figure(sum)}, ${problem === 'more' ? 'more' : 'less'} than the total of ${figure(total)}.`;
}

/** What to do about it, shown once under the sentences. */
export const MISMATCH_ADVICE =
  'Check these figures before publishing. If they are right (for example, one person counted in two categories), you can still publish them.';

/**
 * The one rule for a breakdown that does not add up to its metric's total, shared by data entry,
 * the Review screen and bulk upload. Every breakdown of the catalogue covers everything its total
 * counts (each has Other and Unknown, or Filled and Vacant), so its values should sum to the total:
 * a sum above the total is always wrong, and a sum below it means a category is missing or wrong.
 * The catalogue's own `should_sum_to_total` flag is false everywhere, so it cannot decide this.
 */

/** Sums within this much of their total add up: people round in their spreadsheets. */
export const BREAKDOWN_SUM_TOLERANCE = 1;

/** A breakdown's values sum to more than the total, or to less. */
export type BreakdownSumProblem = 'more' | 'less';

export interface BreakdownMismatch {
  /** The breakdown's name, as the caller names it. */
  breakdown: string;
  problem: BreakdownSumProblem;
  /** The sum, rounded to cents as a person would read it. */
  sum: number;
  total: number;
}

const toCents = (value: number) => Math.round(value * 100) / 100;

/** How a breakdown's `sum` misses its `total`; undefined when it adds up. */
export function breakdownSumProblem(total: number, sum: number): BreakdownSumProblem | undefined {
  if (Math.abs(sum - total) <= BREAKDOWN_SUM_TOLERANCE) return undefined;
  return sum > total ? 'more' : 'less';
}

/**
 * The breakdowns of one metric of one record that do not add up. Blank members (null) count as
 * not reported; a breakdown with no value at all, or a metric without a total, is not checked.
 */
export function breakdownMismatches(
  total: number | null,
  breakdowns: readonly { breakdown: string; values: readonly (number | null)[] }[],
): BreakdownMismatch[] {
  if (total === null) return [];
  return breakdowns.flatMap(({ breakdown, values }) => {
    const numbers = values.filter((value): value is number => value !== null);
    if (numbers.length === 0) return [];
    const sum = toCents(numbers.reduce((a, b) => a + b, 0));
    const problem = breakdownSumProblem(total, sum);
    return problem ? [{ breakdown, problem, sum, total }] : [];
  });
}

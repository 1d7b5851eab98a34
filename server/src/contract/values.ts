/**
 * The one rule for a figure the Publisher can store exactly, shared by data entry (the web form and
 * the API) and bulk upload: at most 999,999,999,999,999, written with at most 15 significant
 * digits. Beyond either limit a number would be silently rounded on its way into storage (a
 * double keeps about 15 decimal digits), so it is refused with a message naming the limit instead.
 */
export const MAX_VALUE = 999_999_999_999_999;
export const MAX_SIGNIFICANT_DIGITS = 15;
export const MAX_VALUE_TEXT = MAX_VALUE.toLocaleString('en-US');

export type ExactValueProblem = 'too_large' | 'too_many_digits';

/** Digits that carry the value in plain decimal text: "0.0500" → 1, "1,200" → 4. */
export function significantDigits(decimal: string): number {
  const [whole = '', fraction = ''] = decimal.replace(/[,\s+-]/g, '').split('.');
  return `${whole}${fraction.replace(/0+$/, '')}`.replace(/^0+/, '').length;
}

/**
 * Why a number written as `text` (plain decimal, thousands commas or an exponent allowed) cannot be
 * stored exactly; undefined when it can, or when it is not a number at all (the caller says so).
 */
export function exactValueProblem(text: string): ExactValueProblem | undefined {
  const bare = text.replace(/[,\s]/g, '');
  const number = Number(bare);
  if (bare === '' || !Number.isFinite(number)) return undefined;
  if (Math.abs(number) > MAX_VALUE) return 'too_large';
  const [mantissa = ''] = bare.toLowerCase().split('e');
  return significantDigits(mantissa) > MAX_SIGNIFICANT_DIGITS ? 'too_many_digits' : undefined;
}

/**
 * The same for a number already read (an API body, a spreadsheet cell), by its shortest exact form.
 * A whole number up to MAX_VALUE has at most 15 digits, so most values need no text made of them.
 */
export const exactNumberProblem = (value: number) =>
  Number.isInteger(value) && Math.abs(value) <= MAX_VALUE ? undefined : exactValueProblem(String(value));

/** The problem as the server words value problems: "must …  (got …)", after the value's name. */
export function exactValueRule(problem: ExactValueProblem, got: string): string {
  return problem === 'too_large'
    ? `must be at most ${MAX_VALUE_TEXT}, the largest figure that can be stored (got ${got})`
    : `can have at most ${MAX_SIGNIFICANT_DIGITS} significant digits, or it could not be stored exactly (got ${got})`;
}

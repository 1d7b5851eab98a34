/** Pure rules about datapoint values: what is acceptable, how it is stored and read, what counts as a change. */
import type { DimensionDef, MemberDef } from '@jc/catalogue';
import { exactNumberProblem, exactValueRule } from '../../contract/values.ts';

export const UPLOAD_METHODS = ['MANUAL_ENTRY', 'BULK_UPLOAD', 'AUTOMATED_BULK_UPLOAD'] as const;
export type UploadMethod = (typeof UPLOAD_METHODS)[number];

/** Units that are shares of a whole; their values must lie between 0 and 100. */
export function isPercentUnit(unit: string): boolean {
  return /percent|%/i.test(unit);
}

/** What is wrong with a number for a metric with this unit, in words; undefined when it is fine. */
export function valueProblem(unit: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `must be a number (got ${value})`;
  if (value < 0) return `must be 0 or more (got ${value})`;
  if (isPercentUnit(unit) && value > 100) return `is a percentage, so must be between 0 and 100 (got ${value})`;
  const inexact = exactNumberProblem(value);
  return inexact && exactValueRule(inexact, String(value));
}

/** Values are stored as text, numbers in their shortest exact form ("1500", "2.5"). */
export function storedValue(value: number | string | null): string | null {
  if (value === null) return null;
  return typeof value === 'number' ? String(value) : value;
}

/** A stored value as the API shows it: a number when it reads as one ("3.0" → 3), else the text itself. */
export function readStoredValue(text: string | null): number | string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  const number = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(number) ? number : text;
}

/** Equal when both read as the same number ("3" and "3.0"), or as the same text. */
export function sameStoredValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const [x, y] = [readStoredValue(a), readStoredValue(b)];
  return typeof x === 'number' && typeof y === 'number' ? x === y : a === b;
}

/** Custom "Other" sub-categories are stored trimmed and upper-case, so "santa claus " and "SANTA CLAUS" are one. */
export function normalizeSubDimension(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** "SANTA CLAUS" → "Santa Claus", how sub-categories are shown. */
export function titleCase(label: string): string {
  return label
    .toLowerCase()
    .replace(/(^|[\s/-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * A breakdown member named by the API: its display value or stored name, or
 * "<member value> - <custom label>" for a custom sub-category under that member.
 */
export function parseMemberKey(
  dimension: DimensionDef,
  key: string,
): { member: MemberDef; subDimensionName: string | null } | undefined {
  const exact = dimension.members.find((m) => m.value === key || m.name === key);
  if (exact) return { member: exact, subDimensionName: null };
  const wanted = key.trim().toLowerCase();
  for (const member of dimension.members) {
    const value = member.value.toLowerCase();
    if (wanted === value || wanted === member.name.toLowerCase()) return { member, subDimensionName: null };
    if (!wanted.startsWith(value)) continue;
    const label = /^\s*-\s*(.+)$/.exec(key.trim().slice(value.length))?.[1];
    if (label) return { member, subDimensionName: normalizeSubDimension(label) };
  }
  return undefined;
}

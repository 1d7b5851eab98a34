/**
 * Where a chart marks its series breaks: each break (a change of the agency's definition,
 * frequency or year start) is drawn before the first charted period counted under the new
 * definition, when periods under the old one are charted too.
 */
import type { ComparabilityJson } from '@jc/server/contract';
import { monthName } from '@jc/server/contract';
import { yearMonth } from './figure-format.ts';
import type { SeriesRow } from './series-rules.ts';

export type SeriesBreakJson = ComparabilityJson['series_breaks'][number];

export interface BreakMark {
  /** The label of the first period charted under the new definition. */
  label: string;
  breaks: SeriesBreakJson[];
}

/** "March 2024": the first month counted under the new definition. */
export function breakMonth(start: string): string {
  const { year, month } = yearMonth(start);
  return `${monthName(month)} ${year}`;
}

/** Marks inside the charted span, one per period even when several breaks fall before it. */
export function breakMarks(rows: readonly SeriesRow[], breaks: readonly SeriesBreakJson[]): BreakMark[] {
  const marks: BreakMark[] = [];
  for (const b of breaks) {
    const index = rows.findIndex((row) => row.start >= b.start_date);
    if (index <= 0) continue;
    const label = rows[index]!.label;
    const mark = marks.find((m) => m.label === label);
    if (mark) mark.breaks.push(b);
    else marks.push({ label, breaks: [b] });
  }
  return marks;
}

/** The first month of the definition a period's figures were counted under; null before any break. */
export function countedSince(breaks: readonly SeriesBreakJson[], start: string): string | null {
  const latest = breaks.filter((b) => b.start_date <= start).at(-1);
  return latest ? breakMonth(latest.start_date) : null;
}

/** A break in words: "Definition changed from April 2024", then what changed and what that means. */
export function breakWords(b: SeriesBreakJson): { heading: string; detail: string } {
  return {
    heading: `Definition changed from ${breakMonth(b.start_date)}`,
    detail: `${b.changes.map((c) => c.description).join('; ')}. Figures before and after the dashed line are not directly comparable.`,
  };
}

/** What a saved picture writes under its legend: each marked break's heading and detail, in one line. */
export function breakNotes(marks: readonly BreakMark[]): string[] {
  return marks.flatMap((mark) => mark.breaks.map(breakWords)).map((w) => `${w.heading}: ${w.detail}`);
}

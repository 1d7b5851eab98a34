/**
 * What a release of an agency's public figures is, as pure rules: its canonical content (one row
 * per public value, in one fixed order, and the data notes published with them), the SHA-256 of
 * that content, the chain hash that ties a release to the one before it, and the difference
 * between two releases.
 */
import { createHash } from 'node:crypto';

/** metric key, period start, period end, breakdown, member, "Other" sub-category, value. */
export type ReleaseRow = [
  metric: string,
  start: string,
  end: string,
  breakdown: string | null,
  member: string | null,
  subCategory: string | null,
  value: string,
];

/** A data note: metric key, period start, period end, the agency's explanations of its flagged figures. */
export type NoteRow = [metric: string, start: string, end: string, text: string];

export interface PublicValue {
  metricKey: string;
  startDate: string;
  endDate: string;
  dimension: Record<string, string> | null;
  subDimensionName: string | null;
  value: string | null;
}

const keyOf = (row: ReleaseRow) => JSON.stringify(row.slice(0, 6));

/** By metric, period, then breakdown: a total (no breakdown) before its breakdown values. */
function compareRows(a: ReleaseRow, b: ReleaseRow): number {
  for (let i = 0; i < 6; i += 1) {
    const [x, y] = [a[i] ?? '', b[i] ?? ''];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Public values as release rows, sorted so that the same figures always give the same content. */
export function releaseContent(values: readonly PublicValue[]): ReleaseRow[] {
  const rows = values.map((v): ReleaseRow => {
    const [breakdown, member] = Object.entries(v.dimension ?? {})[0] ?? [null, null];
    return [v.metricKey, v.startDate, v.endDate, breakdown, member, v.subDimensionName, v.value ?? ''];
  });
  return rows.sort(compareRows);
}

const noteKey = ([metric, start, end]: NoteRow) => `${metric}\n${start}\n${end}`;

/** The notes of each metric and period in one row, as the CSV feed shows them, in a fixed order. */
export function releaseNotes(
  notes: readonly { metricKey: string; startDate: string; endDate: string; text: string }[],
): NoteRow[] {
  const texts = new Map<string, string[]>();
  for (const note of notes) {
    const key = JSON.stringify([note.metricKey, note.startDate, note.endDate]);
    texts.set(key, [...(texts.get(key) ?? []), note.text]);
  }
  const rows = [...texts].map(([key, parts]): NoteRow => {
    const [metric, start, end] = JSON.parse(key) as [string, string, string];
    return [metric, start, end, parts.join(' ')];
  });
  return rows.sort((a, b) => noteKey(a).localeCompare(noteKey(b)));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Without notes, the hash of the values alone: releases made before notes were part of a release
 * keep the hash they were released with.
 */
export const contentHash = (content: readonly ReleaseRow[], notes: readonly NoteRow[] = []): string =>
  sha256(JSON.stringify(notes.length === 0 ? content : [content, notes]));

export interface ChainLink {
  agencyId: number;
  number: number;
  createdAt: Date;
  contentHash: string;
  previousHash: string | null;
}

/** Covers everything that makes a release what it is, and the release before it. */
export const chainHash = (link: ChainLink): string =>
  sha256(
    [link.previousHash ?? '', link.agencyId, link.number, link.createdAt.toISOString(), link.contentHash].join('\n'),
  );

export interface ValueChange {
  metric: string;
  start: string;
  end: string;
  breakdown: string | null;
  member: string | null;
  subCategory: string | null;
  before: string | null;
  after: string | null;
}

/** A data note written, rewritten or taken back (its record unpublished) by a release. */
export interface NoteChange {
  metric: string;
  start: string;
  end: string;
  before: string | null;
  after: string | null;
}

export interface ReleaseDiff {
  added: number;
  changed: number;
  removed: number;
  /** The first MAX_LISTED changes; the counts are always complete. */
  changes: ValueChange[];
  /** Absent from releases made before notes were part of a release. */
  notes?: NoteChange[];
}

export const MAX_LISTED = 500;

function change(row: ReleaseRow, before: string | null, after: string | null): ValueChange {
  const [metric, start, end, breakdown, member, subCategory] = row;
  return { metric, start, end, breakdown, member, subCategory, before, after };
}

/** What changed from `previous` (empty for a first release) to `next`. */
export function releaseDiff(previous: readonly ReleaseRow[], next: readonly ReleaseRow[]): ReleaseDiff {
  const before = new Map(previous.map((row) => [keyOf(row), row]));
  const after = new Map(next.map((row) => [keyOf(row), row]));
  const changes: ValueChange[] = [];
  let added = 0;
  let changed = 0;
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old?.[6] === row[6]) continue;
    if (old) changed += 1;
    else added += 1;
    changes.push(change(row, old ? old[6] : null, row[6]));
  }
  const removedRows = [...before].filter(([key]) => !after.has(key)).map(([, row]) => row);
  changes.push(...removedRows.map((row) => change(row, row[6], null)));
  return { added, changed, removed: removedRows.length, changes: changes.slice(0, MAX_LISTED) };
}

/** The notes that differ from `previous` to `next`, in the order of `next`, then those taken back. */
export function noteChanges(previous: readonly NoteRow[], next: readonly NoteRow[]): NoteChange[] {
  const before = new Map(previous.map((row) => [noteKey(row), row[3]]));
  const afterKeys = new Set(next.map(noteKey));
  const toChange = ([metric, start, end]: NoteRow, old: string | null, now: string | null) => ({
    metric,
    start,
    end,
    before: old,
    after: now,
  });
  return [
    ...next
      .filter((row) => before.get(noteKey(row)) !== row[3])
      .map((row) => toChange(row, before.get(noteKey(row)) ?? null, row[3])),
    ...previous.filter((row) => !afterKeys.has(noteKey(row))).map((row) => toChange(row, row[3], null)),
  ];
}

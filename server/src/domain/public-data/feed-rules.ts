/**
 * The feed (01-data-model §9.1): an agency's figures in the bulk-upload file layout, one "file" per
 * metric total and one per breakdown, named as the upload sheets are (`arrests`,
 * `arrests_by_type`). Columns: `year` (of the period's start), `month` (its English name, when
 * the file has monthly figures), the breakdown's column (member NAMEs) and `value` (as stored).
 * Newest period first.
 */
import { metricsForSystem, type DimensionDef, type MetricDef, type SystemName } from '@jc/catalogue';
import { monthName } from '../../contract/report-periods.ts';
import type { CsvCell } from '../csv.ts';
import { inferFrequency } from '../reports/report-rules.ts';
import type { ValueKey } from './public-rules.ts';

export interface MetricFile {
  system: SystemName;
  /** The sheet name, e.g. `arrests_by_type`. */
  name: string;
  metric: MetricDef;
  breakdown: DimensionDef | null;
  /** Title for people: "Arrests", "Arrests by Offense Types". */
  title: string;
}

/** A stored value with its record's period (`YYYY-MM-DD`, end exclusive). */
export interface FeedValue extends ValueKey {
  startDate: string;
  endDate: string;
}

/** An explanation published with a figure (a data note), by its record's period and metric. */
export interface FeedNote {
  startDate: string;
  endDate: string;
  metricKey: string;
  text: string;
}

export interface Table {
  header: string[];
  rows: CsvCell[][];
}

/** Every file of one sector, totals before breakdowns, in catalogue order. */
export function metricFilesOf(system: SystemName): MetricFile[] {
  return metricsForSystem(system).flatMap((metric) => [
    { system, name: metric.sheetNames.total, metric, breakdown: null, title: metric.displayName },
    ...metric.dimensions.flatMap((breakdown) => {
      const name = metric.sheetNames.breakdowns[breakdown.identifier];
      if (name === undefined) return [];
      return [{ system, name, metric, breakdown, title: `${metric.displayName} by ${breakdown.displayName}` }];
    }),
  ]);
}

function belongsTo(file: MetricFile, value: FeedValue): boolean {
  if (value.metricKey !== file.metric.key || value.subDimensionName !== null || value.value === null) return false;
  if (file.breakdown === null) return value.dimension === null;
  return value.dimension !== null && file.breakdown.identifier in value.dimension;
}

/** The breakdown's column name as in the upload sheets (`offense_type`, `biological_sex`). */
function columnOf(metric: MetricDef, breakdown: DimensionDef): string {
  return metric.sheetColumns[breakdown.identifier] ?? breakdown.identifier.split('/').at(-1)!;
}

/** The notes of a figure's period and metric, in one cell. */
function noteOf(notes: readonly FeedNote[], value: FeedValue): string | null {
  const mine = notes.filter(
    (note) =>
      note.metricKey === value.metricKey && note.startDate === value.startDate && note.endDate === value.endDate,
  );
  return mine.length === 0 ? null : mine.map((note) => note.text).join(' ');
}

/** Whether a metric is counted as Justice Counts defines it, and the starts of its series breaks. */
export interface FeedComparability {
  matchesDefault: boolean;
  /** First days of the periods counted under a new definition, oldest first. */
  breakStarts: readonly string[];
}

export interface FeedAnnotations {
  /** The agency's explanations of flagged figures. */
  notes?: readonly FeedNote[];
  comparability?: FeedComparability;
}

/** The start of the latest break at or before the figure's period: the definition it was counted under. */
function seriesSince(breakStarts: readonly string[], value: FeedValue): string | null {
  return breakStarts.filter((start) => start <= value.startDate).at(-1) ?? null;
}

/**
 * A file's rows; a `note` column (the agency's explanations of flagged figures) when any row has
 * one, and `definition_matches_default` and `series_since` columns when the metric's definition
 * differs from the Justice Counts default or has changed.
 */
export function feedTable(file: MetricFile, values: readonly FeedValue[], annotations: FeedAnnotations = {}): Table {
  const { metric, breakdown } = file;
  const { notes = [], comparability } = annotations;
  const mine = values.filter((value) => belongsTo(file, value));
  const memberOf = (value: FeedValue) => (breakdown ? value.dimension?.[breakdown.identifier] : undefined);
  const memberOrder = (value: FeedValue) => breakdown?.members.findIndex((m) => m.name === memberOf(value)) ?? 0;
  mine.sort((a, b) => b.startDate.localeCompare(a.startDate) || memberOrder(a) - memberOrder(b));
  const monthly = mine.map((value) => inferFrequency({ start: value.startDate, end: value.endDate }) === 'MONTHLY');
  const hasMonths = monthly.some(Boolean);
  const header = [
    'year',
    ...(hasMonths ? ['month'] : []),
    ...(breakdown ? [columnOf(metric, breakdown)] : []),
    'value',
  ];
  let rows: CsvCell[][] = mine.map((value, i) => [
    Number(value.startDate.slice(0, 4)),
    ...(hasMonths ? [monthly[i] ? monthName(Number(value.startDate.slice(5, 7))) : null] : []),
    ...(breakdown ? [memberOf(value)] : []),
    value.value,
  ]);
  const rowNotes = mine.map((value) => noteOf(notes, value));
  if (rowNotes.some((note) => note !== null)) {
    header.push('note');
    rows = rows.map((row, i) => [...row, rowNotes[i]!]);
  }
  if (comparability && (!comparability.matchesDefault || comparability.breakStarts.length > 0)) {
    header.push('definition_matches_default', 'series_since');
    const flag = comparability.matchesDefault ? 'yes' : 'no';
    rows = rows.map((row, i) => [...row, flag, seriesSince(comparability.breakStarts, mine[i]!)]);
  }
  return { header, rows };
}

/** The files that have figures, for a feed asked for without a metric: where to look next. */
export function feedIndex(files: readonly MetricFile[], values: readonly FeedValue[]): Table {
  const rows = files.flatMap((file) => {
    const count = values.filter((value) => belongsTo(file, value)).length;
    return count === 0 ? [] : [[file.system, file.name, file.title, count]];
  });
  return { header: ['system', 'metric', 'title', 'rows'], rows };
}

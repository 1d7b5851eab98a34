/**
 * The charted figures as a CSV file, for Download Data: the columns of the data table, and for a
 * metric counted differently from the Justice Counts definition or whose definition changed,
 * whether it matches the definition and since when each figure was counted the way it was.
 */
import type { ComparabilityJson } from '@jc/server/contract';
import { countedSince } from '../../components/charts/break-rules.ts';
import { snakeCase } from '../../components/charts/chart-image.ts';
import { TOTAL, type SeriesRow } from '../../components/charts/series-rules.ts';

/** The comparability columns' header and cells, or none for a metric counted as defined and never changed. */
function comparabilityColumns(comparability: ComparabilityJson | undefined) {
  if (!comparability || (comparability.matches_default && comparability.series_breaks.length === 0)) return null;
  const matches = comparability.matches_default ? 'Yes' : 'No';
  return {
    header: ['Matches Justice Counts definition', 'Definition since'],
    cells: (row: SeriesRow) => [matches, countedSince(comparability.series_breaks, row.start) ?? ''],
  };
}

export function seriesCsv(rows: SeriesRow[], series: string[], comparability?: ComparabilityJson): string {
  const hasBreakdown = series[0] !== TOTAL;
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const extra = comparabilityColumns(comparability);
  const header = ['Period', 'Status', ...(hasBreakdown ? [TOTAL] : []), ...series, ...(extra?.header ?? [])];
  const lines = rows.map((row) => {
    const status = row.isPublished === null ? 'Not recorded' : row.isPublished ? 'Published' : 'Draft';
    const figures = [...(hasBreakdown ? [row.total] : []), ...series.map((name) => row.values[name] ?? null)];
    return [row.label, status, ...figures.map((v) => (v === null ? '' : String(v))), ...(extra?.cells(row) ?? [])];
  });
  return [header, ...lines].map((cells) => cells.map(quote).join(',')).join('\n') + '\n';
}

/** `arrests_by_offense_types_riverside_police_department.csv`. */
export function csvFileName(metric: string, breakdown: string | null, agency: string): string {
  return `${[metric, ...(breakdown ? ['by', breakdown] : []), agency].map(snakeCase).join('_')}.csv`;
}

/** The charted figures as a CSV file, for Download Data: the columns of the data table. */
import { snakeCase } from '../../components/charts/chart-image.ts';
import { TOTAL, type SeriesRow } from '../../components/charts/series-rules.ts';

export function seriesCsv(rows: SeriesRow[], series: string[]): string {
  const hasBreakdown = series[0] !== TOTAL;
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const header = ['Period', 'Status', ...(hasBreakdown ? [TOTAL] : []), ...series];
  const lines = rows.map((row) => {
    const status = row.isPublished === null ? 'Not recorded' : row.isPublished ? 'Published' : 'Draft';
    const figures = [...(hasBreakdown ? [row.total] : []), ...series.map((name) => row.values[name] ?? null)];
    return [row.label, status, ...figures.map((v) => (v === null ? '' : String(v)))];
  });
  return [header, ...lines].map((cells) => cells.map(quote).join(',')).join('\n') + '\n';
}

/** `arrests_by_offense_types_riverside_police_department.csv`. */
export function csvFileName(metric: string, breakdown: string | null, agency: string): string {
  return `${[metric, ...(breakdown ? ['by', breakdown] : []), agency].map(snakeCase).join('_')}.csv`;
}

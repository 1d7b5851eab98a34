/** The charted figures as a table: one row per period, newest first, a column per series. */
import './charts.css';
import { Badge } from '../index.ts';
import { formatFigure } from './figure-format.ts';
import { TOTAL, type SeriesRow } from './series-rules.ts';

interface DataTableProps {
  caption: string;
  rows: SeriesRow[];
  series: string[];
  isMoney: boolean;
  /** Published or draft per period; off where everything shown is published. */
  showStatus?: boolean;
}

export function DataTable({ caption, rows, series, isMoney, showStatus = true }: DataTableProps) {
  const hasBreakdown = series[0] !== TOTAL;
  return (
    <div className="table-scroll explore-table">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {showStatus && <th scope="col">Status</th>}
            {hasBreakdown && (
              <th scope="col" className="align-end">
                Total
              </th>
            )}
            {series.map((name) => (
              <th key={name} scope="col" className="align-end">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((row) => (
            <tr key={row.start}>
              <th scope="row">{row.label}</th>
              {showStatus && (
                <td>
                  {row.isPublished === null ? (
                    <span className="explore-table__missing">Not recorded</span>
                  ) : (
                    <Badge tone={row.isPublished ? 'success' : 'warning'}>
                      {row.isPublished ? 'Published' : 'Draft'}
                    </Badge>
                  )}
                </td>
              )}
              {hasBreakdown && <td className="align-end">{formatFigure(row.total, isMoney)}</td>}
              {series.map((name) => (
                <td key={name} className="align-end">
                  {formatFigure(row.values[name] ?? null, isMoney)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

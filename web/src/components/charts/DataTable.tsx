/**
 * The charted figures as a table: one row per period, newest first, a column per series. The row
 * and the column under the pointer are highlighted; with the frequency given, each period carries
 * the reference's frequency mark (M, CY, FY, CMY) and a legend says what the marks mean.
 */
import { useState } from 'react';
import './charts.css';
import { Badge } from '../index.ts';
import { formatFigure } from './figure-format.ts';
import { FREQUENCY_MARKS, frequencyMark, TOTAL, type FrequencyChoice, type SeriesRow } from './series-rules.ts';

interface DataTableProps {
  caption: string;
  rows: SeriesRow[];
  series: string[];
  isMoney: boolean;
  /** Published or draft per period; off where everything shown is published. */
  showStatus?: boolean;
  /** The frequency the figures are for: marks each period and adds the legend. */
  frequency?: Pick<FrequencyChoice, 'frequency' | 'startingMonth'>;
}

function FrequencyLegend() {
  return (
    <p className="explore-table__legend">
      {Object.entries(FREQUENCY_MARKS)
        .map(([mark, words]) => `${mark} = ${words}`)
        .join(', ')}
    </p>
  );
}

export function DataTable({ caption, rows, series, isMoney, showStatus = true, frequency }: DataTableProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  const hasBreakdown = series[0] !== TOTAL;
  const figures = [...(hasBreakdown ? [TOTAL] : []), ...series];
  const firstFigure = showStatus ? 2 : 1;
  /** Cells of the column under the pointer get the highlight; `column` counts from the period. */
  const cell = (column: number) => ({
    className: ['align-end', hovered === column ? 'is-hovered-column' : ''].filter(Boolean).join(' '),
    onMouseEnter: () => setHovered(column),
  });
  const mark = frequency && frequencyMark(frequency);
  return (
    <>
      <div className="table-scroll explore-table">
        <table className="table" onMouseLeave={() => setHovered(null)}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {showStatus && <th scope="col">Status</th>}
              {figures.map((name, index) => (
                <th key={name} scope="col" {...cell(firstFigure + index)}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((row) => (
              <tr key={row.start}>
                <th scope="row">
                  {row.label}
                  {mark && (
                    <abbr className="explore-table__mark" title={FREQUENCY_MARKS[mark]}>
                      {mark}
                    </abbr>
                  )}
                </th>
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
                {figures.map((name, index) => (
                  <td key={name} {...cell(firstFigure + index)}>
                    {formatFigure(name === TOTAL && hasBreakdown ? row.total : (row.values[name] ?? null), isMoney)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mark && <FrequencyLegend />}
    </>
  );
}

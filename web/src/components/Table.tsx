import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Column<Row> {
  /** Unique within the table; used as the React key. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Figures read best right-aligned. */
  align?: 'start' | 'end';
}

export interface TableProps<Row> {
  /** Names the table for screen readers; shown above it unless hideCaption. */
  caption: string;
  hideCaption?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /**
   * Makes each row open a page: the first cell becomes a real link and the whole row is its click
   * target, so keyboards and screen readers get a link rather than a clickable row.
   */
  rowHref?: (row: Row) => string;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
}

export function Table<Row>({ caption, hideCaption, columns, rows, rowKey, rowHref, empty }: TableProps<Row>) {
  const captionId = useId();
  return (
    // Focusable, so keyboard users can scroll a table wider than a phone's screen; named by its caption.
    <div className="table-scroll" tabIndex={0} role="group" aria-labelledby={captionId}>
      <table className={rowHref ? 'table table--linked' : 'table'}>
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : 'table__caption'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'align-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {empty ?? 'Nothing to show.'}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => (
                <td key={column.key} className={column.align === 'end' ? 'align-end' : undefined}>
                  {index === 0 && rowHref ? (
                    <Link to={rowHref(row)} className="table__row-link">
                      {column.cell(row)}
                    </Link>
                  ) : (
                    column.cell(row)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

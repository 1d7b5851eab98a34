/** The review layout shared by one record and many: a summary of metrics and records, then one table per metric. */
import type { ReportWithDatapoints } from '@jc/server/contract';
import { EmptyState } from '../../components/index.ts';
import { MISMATCH_ADVICE } from '../../rules/breakdown-sum-words.ts';
import { recordTitle } from '../../rules/record-names.ts';
import { tablesWithWarnings, type ReviewTable } from './review-rules.ts';

const tableId = (table: ReviewTable) => `review-${table.metricKey.replace(/\W+/g, '-')}`;

/** Above the tables: every metric whose breakdowns do not add up, linked to its table. */
function MismatchList({ tables }: { tables: ReviewTable[] }) {
  const flagged = tablesWithWarnings(tables);
  if (flagged.length === 0) return null;
  const count = flagged.length === 1 ? '1 metric has' : `${flagged.length} metrics have`;
  return (
    <section className="alert alert--warning rv-mismatches" aria-label="Breakdowns that do not add up">
      <p className="rv-mismatches__title">{count} breakdowns that do not add up to the total:</p>
      <ul>
        {flagged.map((table) => (
          <li key={table.metricKey}>
            <a href={`#${tableId(table)}`}>{table.title}</a>
          </li>
        ))}
      </ul>
      <p>{MISMATCH_ADVICE}</p>
    </section>
  );
}

const shown = (value: number | string | null) =>
  value === null ? '-' : typeof value === 'number' ? value.toLocaleString('en-US') : value;

const iconOf = (table: ReviewTable) => (table.error ? 'error' : table.warnings.length > 0 ? 'warning' : 'ok');

function MetricTable({ table, records }: { table: ReviewTable; records: ReportWithDatapoints[] }) {
  return (
    <section className="rv-metric" id={tableId(table)} aria-label={table.title}>
      <h2 className="rv-metric__title">
        <span className={`rv-icon rv-icon--${iconOf(table)}`} aria-hidden="true" />
        {table.title}
      </h2>
      {table.error && (
        <p className="field__error" role="alert">
          {table.error}
        </p>
      )}
      {table.warnings.length > 0 && (
        <ul className="alert alert--warning rv-metric__warnings">
          {table.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="table rv-table">
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">Breakdown</th>
              {records.map((record) => (
                <th key={record.id} scope="col" className="align-end">
                  {recordTitle(record)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={`${row.breakdown}|${row.label}`}>
                <th scope="row" className={row.breakdown ? 'rv-table__member' : undefined}>
                  {row.breakdown ? `${row.breakdown}: ${row.label}` : row.label}
                </th>
                {row.values.map((value, index) => (
                  <td key={records[index]?.id ?? index} className="align-end">
                    {shown(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReviewMetrics({ tables, records }: { tables: ReviewTable[]; records: ReportWithDatapoints[] }) {
  if (tables.length === 0) {
    return (
      <EmptyState title="There is no data to review">
        Go back and enter data in order to review and publish it.
      </EmptyState>
    );
  }
  return (
    <>
      <MismatchList tables={tables} />
      <div className="rv-layout">
        <aside className="rv-summary" aria-label="Review summary">
          <h2 className="rv-summary__title">{`${tables.length} Metric${tables.length === 1 ? '' : 's'}`}</h2>
          <ul>
            {tables.map((table) => (
              <li key={table.metricKey} className={`rv-summary__${iconOf(table)}`}>
                {table.title}
                {table.warnings.length > 0 && <span className="visually-hidden"> (does not add up)</span>}
              </li>
            ))}
          </ul>
          <h2 className="rv-summary__title">{`${records.length} Record${records.length === 1 ? '' : 's'}`}</h2>
          <ul>
            {records.map((record) => (
              <li key={record.id}>{recordTitle(record)}</li>
            ))}
          </ul>
        </aside>
        <div className="rv-tables">
          {tables.map((table) => (
            <MetricTable key={table.metricKey} table={table} records={records} />
          ))}
        </div>
      </div>
    </>
  );
}

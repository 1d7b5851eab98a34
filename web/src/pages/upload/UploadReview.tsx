/** Review Upload: the saved values with old → new where they changed, the records touched, and Publish. */
import { Fragment, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import { usePublishUploadedRecords, type UploadResultWire } from '../../api/uploads.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, EmptyState, Modal, Page, useToast } from '../../components/index.ts';
import { recordTitle } from '../records/record-names.ts';
import { overwrites, reviewTables, uploadedRecords, type ReviewCell, type UploadTable } from './upload-rules.ts';

const shown = (value: number | string | null) =>
  typeof value === 'number' ? value.toLocaleString('en-US') : (value ?? '-');

function Cell({ cell }: { cell: ReviewCell | null }) {
  if (!cell) return <td className="align-end">-</td>;
  return (
    <td className="align-end">
      {cell.old !== null && (
        <>
          <s className="up-old">{shown(cell.old)}</s> ➞{' '}
        </>
      )}
      {shown(cell.value)}
    </td>
  );
}

function MetricTable({ table }: { table: UploadTable }) {
  return (
    <section className="up-table" aria-label={table.title}>
      <h3>{table.title}</h3>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">Breakdown</th>
              {table.periods.map((period) => (
                <th key={period} scope="col" className="align-end">
                  {period}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <Fragment key={`${row.group}|${row.label}`}>
                {row.group !== null && row.group !== table.rows[index - 1]?.group && (
                  <tr className="up-table__group">
                    <th scope="colgroup" colSpan={table.periods.length + 1}>
                      {row.group}
                    </th>
                  </tr>
                )}
                <tr>
                  <th scope="row" className="up-table__label">
                    {row.label}
                  </th>
                  {row.cells.map((cell, cellIndex) => (
                    <Cell key={table.periods[cellIndex]} cell={cell} />
                  ))}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function UploadReview({
  agencyId,
  result,
  onNewUpload,
}: {
  agencyId: number;
  result: UploadResultWire;
  onNewUpload: () => void;
}) {
  const navigate = useNavigate();
  const toast = useToast();
  const publish = usePublishUploadedRecords(agencyId);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const tables = reviewTables(result);
  const records = uploadedRecords(result);
  const existing = [...result.updated_reports, ...result.unchanged_reports];
  const changes = overwrites(result);

  if (tables.length === 0) {
    return (
      <Page title="No Metrics to Review">
        <EmptyState title="The file held no values that could be saved">
          <Button variant="danger" onClick={onNewUpload}>
            Close
          </Button>
        </EmptyState>
      </Page>
    );
  }
  const send = async () => {
    setConfirming(false);
    if (records.every((r) => r.status === 'PUBLISHED') && result.updated_reports.length === 0) {
      setDone(`Data from ${result.file_name} is already published!`);
      return;
    }
    try {
      await publish.mutateAsync(records);
      setDone(`Data from ${result.file_name} published!`);
    } catch (error) {
      toast.error(messageFor(error));
    }
  };
  return (
    <Page
      title="Review Upload"
      description="Here's a breakdown of data from the file you uploaded. You can publish these changes now, or save as a draft for later."
      actions={
        <>
          <Button onClick={() => navigate(agencyPath(agencyId, 'records'))}>Exit Without Publishing</Button>
          <Button
            variant="primary"
            loading={publish.isPending}
            onClick={() => (existing.length > 0 ? setConfirming(true) : void send())}
          >
            Publish
          </Button>
        </>
      }
    >
      <div className="up-review">
        <aside className="up-review__summary card">
          <h2>{tables.length} Metrics</h2>
          <ul>
            {tables.map((table) => (
              <li key={table.key}>{table.title}</li>
            ))}
          </ul>
          {changes.length > 0 && (
            <details>
              <summary className="up-overwrites">{changes.length} Overwrite(s)</summary>
              <ul>
                {changes.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </details>
          )}
          <h2>{records.length} Records</h2>
          <ul>
            {records.map((record) => (
              <li
                key={record.id}
              >{`${records.some((r) => r.agency_id !== record.agency_id) ? `${record.agency_name}: ` : ''}${recordTitle(record)}`}</li>
            ))}
          </ul>
        </aside>
        <div className="up-review__tables">
          {tables.map((table) => (
            <MetricTable key={table.key} table={table} />
          ))}
        </div>
      </div>
      <Modal
        open={confirming}
        title="Wait!"
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Go back</Button>
            <Button variant="primary" onClick={() => void send()}>
              Proceed with Publishing
            </Button>
          </>
        }
      >
        <p>The following existing records will also be published. Are you sure you want to proceed?</p>
        <ul>
          {existing.map((record) => (
            <li key={record.id}>{recordTitle(record)}</li>
          ))}
        </ul>
      </Modal>
      <Modal
        open={done !== null}
        title="Published"
        size="sm"
        onClose={() => navigate(agencyPath(agencyId, 'records'))}
        footer={
          <Button variant="primary" onClick={() => navigate(agencyPath(agencyId, 'records'))}>
            View Records
          </Button>
        }
      >
        <p>{done}</p>
      </Modal>
    </Page>
  );
}

/**
 * Review Upload: the saved values with old → new where they changed, the records touched, the
 * flagged figures, and Publish, which asks for an explanation of each flagged figure first (the
 * same dialog as Review & Publish).
 */
import { Fragment, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import { usePublishFlagsOfAgencies, type FlagExplanation } from '../../api/reports.ts';
import type { UploadResultWire } from '@jc/server/contract';
import { usePublishUploadedRecords } from '../../api/uploads.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, EmptyState, Modal, Page, useToast } from '../../components/index.ts';
import { recordNamesOf } from '../../components/publish-flags/flag-rules.ts';
import { PublishButton } from '../../components/publish-flags/PublishButton.tsx';
import { PublishFlags } from '../../components/publish-flags/PublishFlags.tsx';
import { recordTitle } from '../../rules/record-names.ts';
import {
  overwrites,
  reviewTables,
  unfinishedPeriodNotes,
  uploadedRecords,
  type ReviewCell,
  type UploadTable,
} from './upload-rules.ts';
import { UploadSummary } from './UploadSummary.tsx';

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

function ReviewSummary({ result, tables }: { result: UploadResultWire; tables: UploadTable[] }) {
  const records = uploadedRecords(result);
  const changes = overwrites(result);
  const manyAgencies = new Set(records.map((record) => record.agency_id)).size > 1;
  return (
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
          <li key={record.id}>{`${manyAgencies ? `${record.agency_name}: ` : ''}${recordTitle(record)}`}</li>
        ))}
      </ul>
    </aside>
  );
}

/** Figures for periods not over yet are named again where the Publish button is. */
function UnfinishedPeriods({ result }: { result: UploadResultWire }) {
  const notes = unfinishedPeriodNotes(result);
  if (notes.length === 0) return null;
  return (
    <section className="card up-notice" role="note" aria-label="Periods not over yet">
      <h2>Some periods are not over yet</h2>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

interface PublishProps {
  agencyId: number;
  result: UploadResultWire;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
}

/**
 * Publishing: the explanations of flagged figures, a warning when records that existed before are
 * included, then where to go next.
 */
function usePublishFlow({ agencyId, result, onConfirming }: Omit<PublishProps, 'confirming'>) {
  const toast = useToast();
  const publish = usePublishUploadedRecords(agencyId);
  const [done, setDone] = useState<string | null>(null);
  const [explanations, setExplanations] = useState<FlagExplanation[]>([]);
  const records = uploadedRecords(result);
  const send = async (given = explanations) => {
    onConfirming(false);
    if (records.every((r) => r.status === 'PUBLISHED') && result.updated_reports.length === 0) {
      setDone(`Data from ${result.file_name} is already published!`);
      return;
    }
    try {
      await publish.mutateAsync({ records, explanations: given });
      setDone(`Data from ${result.file_name} published!`);
    } catch (error) {
      toast.error(messageFor(error));
    }
  };
  const hasExisting = result.updated_reports.length + result.unchanged_reports.length > 0;
  const start = (given: FlagExplanation[]) => {
    setExplanations(given);
    if (hasExisting) onConfirming(true);
    else void send(given);
  };
  return { start, send, done, isPending: publish.isPending };
}

function PublishDialogs({
  agencyId,
  result,
  confirming,
  onConfirming,
  send,
  done,
}: PublishProps & { send: () => Promise<void>; done: string | null }) {
  const navigate = useNavigate();
  const toRecords = () => navigate(agencyPath(agencyId, 'records'));
  return (
    <>
      <Modal
        open={confirming}
        title="Wait!"
        onClose={() => onConfirming(false)}
        footer={
          <>
            <Button onClick={() => onConfirming(false)}>Go back</Button>
            <Button variant="primary" onClick={() => void send()}>
              Proceed with Publishing
            </Button>
          </>
        }
      >
        <p>The following existing records will also be published. Are you sure you want to proceed?</p>
        <ul>
          {[...result.updated_reports, ...result.unchanged_reports].map((record) => (
            <li key={record.id}>{recordTitle(record)}</li>
          ))}
        </ul>
      </Modal>
      <Modal
        open={done !== null}
        title="Published"
        size="sm"
        onClose={toRecords}
        footer={
          <Button variant="primary" onClick={toRecords}>
            View Records
          </Button>
        }
      >
        <p>{done}</p>
      </Modal>
    </>
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
  const [confirming, setConfirming] = useState(false);
  const flow = usePublishFlow({ agencyId, result, onConfirming: setConfirming });
  const records = uploadedRecords(result);
  // Records already published are not published again, so their flags are not asked about.
  const flags = usePublishFlagsOfAgencies(records.filter((record) => record.status !== 'PUBLISHED'));
  const tables = reviewTables(result);
  if (tables.length === 0) {
    return (
      <Page title="No Metrics to Review">
        <UploadSummary summary={result.summary} />
        <EmptyState title="The file held no values that could be saved">
          <Button variant="danger" onClick={onNewUpload}>
            Close
          </Button>
        </EmptyState>
      </Page>
    );
  }
  const recordNames = recordNamesOf(records);
  return (
    <Page
      title="Review Upload"
      description="Here's a breakdown of data from the file you uploaded. You can publish these changes now, or save as a draft for later."
      actions={
        <>
          <Button onClick={() => navigate(agencyPath(agencyId, 'records'))}>Exit Without Publishing</Button>
          <PublishButton
            flags={flags.flags}
            recordNames={recordNames}
            variant="primary"
            loading={flow.isPending || flags.isPending}
            disabled={flags.error !== null}
            onPublish={flow.start}
          >
            Publish
          </PublishButton>
        </>
      }
    >
      <UploadSummary summary={result.summary} />
      <UnfinishedPeriods result={result} />
      {flags.error && (
        <p className="alert alert--error">
          The figures could not be checked before publishing. {messageFor(flags.error)}
        </p>
      )}
      <PublishFlags flags={flags.flags} recordNames={recordNames} />
      <div className="up-review">
        <ReviewSummary result={result} tables={tables} />
        <div className="up-review__tables">
          {tables.map((table) => (
            <MetricTable key={table.key} table={table} />
          ))}
        </div>
      </div>
      <PublishDialogs
        agencyId={agencyId}
        result={result}
        confirming={confirming}
        onConfirming={setConfirming}
        send={flow.send}
        done={flow.done}
      />
    </Page>
  );
}

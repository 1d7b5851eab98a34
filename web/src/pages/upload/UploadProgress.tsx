/**
 * An upload on its way: a progress bar fed by the upload's status on the server, full once it is
 * saved while the result page opens, or what went wrong (nothing saved) and a way to try again.
 * The upload's id is in the address (?upload=ID), so a reload keeps following it.
 */
import { useEffect } from 'react';
import { ApiError } from '../../api/client.ts';
import { messageFor } from '../../api/errors.ts';
import type { UploadJobWire } from '@jc/server/contract';
import { useUploadJob } from '../../api/uploads.ts';
import { Button, ErrorState, Page, PageLoading } from '../../components/index.ts';
import { ChosenFile } from './ChosenFile.tsx';

export interface UploadProgressProps {
  agencyId: number;
  jobId: number;
  /** How long the file should take to save, when this tab sent it (the page does not have the file after a reload). */
  estimate?: string | undefined;
  onSaved: (spreadsheetId: number) => void;
  onNewUpload: () => void;
}

const count = (n: number) => n.toLocaleString('en-US');

function stepWords(job: UploadJobWire): string {
  if (job.state === 'READING') return `Reading and checking your file: ${count(job.rows_read)} rows so far.`;
  if (job.state === 'DONE') return 'Your data is saved. Opening the result…';
  return `Saving your data: ${count(job.rows_written)} of ${count(job.rows_to_write ?? 0)} values saved.`;
}

/** The server's words for why the upload failed; its own words when the server stopped. */
function failureWords(failure: NonNullable<UploadJobWire['failure']>): string {
  if (failure.code === 'server_error') return failure.description;
  return messageFor(new ApiError({ status: 400, code: failure.code, description: failure.description }));
}

export function UploadProgress({ agencyId, jobId, estimate, onSaved, onNewUpload }: UploadProgressProps) {
  const job = useUploadJob(agencyId, jobId);
  const savedId = job.data?.state === 'DONE' ? job.data.spreadsheet_id : null;
  useEffect(() => {
    if (savedId !== null) onSaved(savedId);
  }, [savedId, onSaved]);
  if (job.isPending) return <PageLoading />;
  if (job.isError) {
    return (
      <ErrorState title="This upload could not be followed" error={job.error} onRetry={() => void job.refetch()} />
    );
  }
  const { data } = job;
  if (data.state === 'FAILED' && data.failure) {
    return (
      <Page title="The upload did not go through" description={data.file_name}>
        <div className="up-processing" role="alert">
          <p>{failureWords(data.failure)}</p>
          <p>Nothing from this file was saved.</p>
          <Button variant="primary" onClick={onNewUpload}>
            Upload a file
          </Button>
        </div>
      </Page>
    );
  }
  return (
    <Page title="Uploading" description={<ChosenFile name={data.file_name} estimate={estimate} />}>
      <div className="up-processing">
        <div
          className="up-progress"
          role="progressbar"
          aria-label="Upload progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={data.percent}
        >
          <div className="up-progress__done" style={{ width: `${data.percent}%` }} />
        </div>
        <p className="up-progress__words">
          <strong>{data.percent}%</strong> {stepWords(data)}
        </p>
        <p className="field__hint">
          You can keep working in another tab meanwhile; the result opens here when your data is saved.
        </p>
      </div>
    </Page>
  );
}

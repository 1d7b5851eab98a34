/**
 * Uploaded Files: every spreadsheet uploaded for the agency with its status, who uploaded it, when it
 * was processed and how many values it brought; download the original, open its result, and (for
 * Justice Counts staff) delete it from the list. Deleting keeps the data it brought in.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import type { SpreadsheetSummary } from '@jc/server/contract';
import { downloadUploadedFile, useDeleteUploadedFile, useUploadedFiles } from '../../api/uploads.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import {
  Badge,
  Button,
  ErrorState,
  Modal,
  Page,
  PageLoading,
  Table,
  useToast,
  type BadgeTone,
  type Column,
} from '../../components/index.ts';

const STATUS: Record<SpreadsheetSummary['status'], { label: string; tone: BadgeTone }> = {
  UPLOADED: { label: 'pending', tone: 'warning' },
  INGESTED: { label: 'processed', tone: 'success' },
  ERRORED: { label: 'error', tone: 'danger' },
};

const day = (ms: number | null) =>
  ms === null
    ? '--'
    : new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

const sector = (system: string) =>
  system
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\b\w/g, (c) => c.toUpperCase());

interface ColumnActions {
  agencyId: number;
  canDelete: boolean;
  onDownload: (file: SpreadsheetSummary) => void;
  onDelete: (file: SpreadsheetSummary) => void;
}

function fileColumns({ agencyId, canDelete, onDownload, onDelete }: ColumnActions): Column<SpreadsheetSummary>[] {
  return [
    {
      key: 'name',
      header: 'Filename',
      cell: (file) => (
        <>
          <Button variant="ghost" size="sm" onClick={() => onDownload(file)} aria-label={`Download ${file.name}`}>
            {file.name}
          </Button>{' '}
          <Badge tone={STATUS[file.status].tone}>{STATUS[file.status].label}</Badge>
        </>
      ),
    },
    { key: 'uploaded', header: 'Uploaded', cell: (file) => `${file.uploaded_by_v2.name} · ${day(file.uploaded_at)}` },
    { key: 'processed', header: 'Processed', cell: (file) => day(file.ingested_at) },
    { key: 'datapoints', header: 'Datapoints Shared', align: 'end', cell: (file) => file.num_new_datapoints ?? '--' },
    { key: 'sector', header: 'Sector', cell: (file) => sector(file.system) },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (file) => (
        <>
          <Link to={`${agencyPath(agencyId, 'upload')}?result=${file.id}`}>Result</Link>
          {canDelete && (
            <Button variant="ghost" size="sm" onClick={() => onDelete(file)}>
              Delete
            </Button>
          )}
        </>
      ),
    },
  ];
}

export default function UploadedFilesPage() {
  const agency = useCurrentAgency();
  const toast = useToast();
  const files = useUploadedFiles(agency.id);
  const remove = useDeleteUploadedFile(agency.id);
  const [deleting, setDeleting] = useState<SpreadsheetSummary | null>(null);

  const download = (file: SpreadsheetSummary) =>
    void downloadUploadedFile(file).catch((error) => toast.error(messageFor(error)));
  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      toast.show(`${deleting.name} was removed from the list.`, { tone: 'success' });
    } catch (error) {
      toast.error(messageFor(error));
    }
    setDeleting(null);
  };

  const columns = fileColumns({
    agencyId: agency.id,
    canDelete: agency.can['uploads.delete'],
    onDownload: download,
    onDelete: setDeleting,
  });

  return (
    <Page title="Uploaded Files" description="Spreadsheets uploaded for your agency, with their status.">
      {files.isPending && <PageLoading />}
      {files.isError && (
        <ErrorState
          title="Failed to retrieve uploaded files"
          error={files.error}
          onRetry={() => void files.refetch()}
        />
      )}
      {files.data && (
        <Table
          caption="Uploaded files"
          hideCaption
          columns={columns}
          rows={files.data}
          rowKey={(file) => file.id}
          empty="No files have been uploaded yet."
        />
      )}
      <Modal
        open={deleting !== null}
        title="Data from the deleted file will still exist in records"
        size="sm"
        preventClose={remove.isPending}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>Cancel</Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => void confirmDelete()}>
              Delete
            </Button>
          </>
        }
      >
        <p>Deleting {deleting?.name} only removes it from this list; the values it brought in stay in their records.</p>
      </Modal>
    </Page>
  );
}

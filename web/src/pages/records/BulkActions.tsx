import { useState } from 'react';
import { messageFor } from '../../api/errors.ts';
import type { ReportOverview } from '@jc/server/contract';
import { useDeleteReports } from '../../api/reports.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, Menu, Modal, useToast } from '../../components/index.ts';

export type BulkAction = 'publish' | 'unpublish' | 'delete';

const NOUN: Record<BulkAction, string> = { publish: 'draft', unpublish: 'published record', delete: 'record' };

/**
 * "Bulk Actions": Publish is offered when drafts are shown, Unpublish when published records are,
 * Delete only to whoever may delete records (Justice Counts staff).
 */
export function BulkMenu({
  records,
  canDelete,
  onChoose,
}: {
  records: ReportOverview[];
  canDelete: boolean;
  onChoose: (action: BulkAction) => void;
}) {
  const hasDrafts = records.some((r) => r.status === 'DRAFT');
  const hasPublished = records.some((r) => r.status === 'PUBLISHED');
  return (
    <Menu
      label="Bulk Actions"
      button="Bulk Actions"
      buttonClassName="btn btn--secondary"
      items={[
        ...(hasDrafts ? [{ kind: 'action' as const, label: 'Publish', onSelect: () => onChoose('publish') }] : []),
        ...(hasPublished
          ? [{ kind: 'action' as const, label: 'Unpublish', onSelect: () => onChoose('unpublish') }]
          : []),
        ...(canDelete ? [{ kind: 'action' as const, label: 'Delete', onSelect: () => onChoose('delete') }] : []),
      ]}
    />
  );
}

function DeleteModal(props: { records: ReportOverview[]; onClose: () => void; onDeleted: () => void }) {
  const agency = useCurrentAgency();
  const toast = useToast();
  const remove = useDeleteReports(agency.id);
  const count = `${props.records.length} record${props.records.length === 1 ? '' : 's'}`;
  const confirm = () =>
    remove.mutate(props.records, {
      onSuccess: () => {
        toast.show(`Deleted ${count}.`, { tone: 'success' });
        props.onDeleted();
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  return (
    <Modal
      open
      title={`Delete ${count}?`}
      onClose={props.onClose}
      size="sm"
      preventClose={remove.isPending}
      footer={
        <>
          <Button onClick={props.onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={remove.isPending} onClick={confirm}>
            Delete
          </Button>
        </>
      }
    >
      <p>
        You can’t undo this. Every value in {props.records.length === 1 ? 'this record' : 'these records'} goes too.
      </p>
    </Modal>
  );
}

/** Bulk mode's bar: what is selected, Cancel, and the action's button. */
export function BulkBar(props: {
  action: BulkAction;
  /** The chosen records as the page loaded them (their versions go with the action). */
  selected: ReportOverview[];
  onCancel: () => void;
  onReview: (ids: number[]) => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { action, selected } = props;
  const noun = NOUN[action];
  const count = selected.length;
  return (
    <div className="records__bulk" role="region" aria-label="Bulk action">
      <p className="records__bulk-count" aria-live="polite">
        {count === 0 ? `Select ${noun}s to ${action}` : `${count} ${noun}${count === 1 ? '' : 's'} selected`}
      </p>
      <Button onClick={props.onCancel}>Cancel</Button>
      {action === 'delete' ? (
        <Button variant="danger" disabled={count === 0} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      ) : (
        <Button
          variant="primary"
          disabled={count === 0}
          onClick={() => props.onReview(selected.map((record) => record.id))}
        >
          {action === 'publish' ? 'Review and Publish' : 'Review and Unpublish'}
        </Button>
      )}
      {confirming && (
        <DeleteModal records={selected} onClose={() => setConfirming(false)} onDeleted={props.onDeleted} />
      )}
    </div>
  );
}

import { useState } from 'react';
import { messageFor } from '../../api/errors.ts';
import { useDeleteReports, type ReportOverview } from '../../api/reports.ts';
import { SUPPORT_EMAIL } from '../../api/errors.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, Menu, Modal, useToast } from '../../components/index.ts';

export type BulkAction = 'publish' | 'unpublish' | 'delete';

const NOUN: Record<BulkAction, string> = { publish: 'draft', unpublish: 'published record', delete: 'record' };

/** "Bulk Actions": Publish is offered when drafts are shown, Unpublish when published records are. */
export function BulkMenu({ records, onChoose }: { records: ReportOverview[]; onChoose: (action: BulkAction) => void }) {
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
        { kind: 'action', label: 'Delete', onSelect: () => onChoose('delete') },
      ]}
    />
  );
}

function DeleteModal(props: { ids: number[]; allowed: boolean; onClose: () => void; onDeleted: () => void }) {
  const agency = useCurrentAgency();
  const toast = useToast();
  const remove = useDeleteReports(agency.id);
  const count = `${props.ids.length} record${props.ids.length === 1 ? '' : 's'}`;
  if (!props.allowed) {
    return (
      <Modal open title="Ask Justice Counts to delete records" onClose={props.onClose} size="sm">
        <p>
          Only the Justice Counts team can delete records. Email <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>{' '}
          with the records to delete.
        </p>
      </Modal>
    );
  }
  const confirm = () =>
    remove.mutate(props.ids, {
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
      <p>You can’t undo this. Every value in {props.ids.length === 1 ? 'this record' : 'these records'} goes too.</p>
    </Modal>
  );
}

/** Bulk mode's bar: what is selected, Cancel, and the action's button. */
export function BulkBar(props: {
  action: BulkAction;
  selected: number[];
  canDelete: boolean;
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
        <Button variant="primary" disabled={count === 0} onClick={() => props.onReview(selected)}>
          {action === 'publish' ? 'Review and Publish' : 'Review and Unpublish'}
        </Button>
      )}
      {confirming && (
        <DeleteModal
          ids={selected}
          allowed={props.canDelete}
          onClose={() => setConfirming(false)}
          onDeleted={props.onDeleted}
        />
      )}
    </div>
  );
}

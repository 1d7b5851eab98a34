/** Asks before deleting a user or agency; the deletion cannot be undone. */
import { Button, Modal } from '../../components/index.ts';

export interface ConfirmDeleteModalProps {
  /** What is deleted, e.g. "Harbor County Jail"; null closes the dialog. */
  what: string | null;
  /** What else goes with it, in a sentence. */
  consequences: string;
  deleting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDeleteModal({ what, consequences, deleting, onConfirm, onClose }: ConfirmDeleteModalProps) {
  return (
    <Modal
      open={what !== null}
      title={`Delete ${what ?? ''}?`}
      size="sm"
      onClose={onClose}
      preventClose={deleting}
      footer={
        <>
          <Button onClick={onClose} disabled={deleting}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={deleting}>
            Delete
          </Button>
        </>
      }
    >
      <p>
        Are you sure you want to delete <strong>{what}</strong>? {consequences} This action cannot be undone.
      </p>
    </Modal>
  );
}

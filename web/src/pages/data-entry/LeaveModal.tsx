import { Button, Modal } from '../../components/index.ts';

/** Asked when the person leaves a record while some of what they typed could not be saved. */
export function LeaveModal({ open, onStay, onLeave }: { open: boolean; onStay: () => void; onLeave: () => void }) {
  return (
    <Modal
      open={open}
      title="Leave without saving?"
      onClose={onStay}
      size="sm"
      footer={
        <>
          <Button onClick={onLeave}>Leave without saving</Button>
          <Button variant="primary" onClick={onStay} data-autofocus>
            Stay on this record
          </Button>
        </>
      }
    >
      <p>
        Some values you typed on this record are not saved. The fields marked in red, or the message at the top of the
        form, say why. If you leave now, those values will be lost.
      </p>
    </Modal>
  );
}

/**
 * A settings edit dialog with Cancel and Save that asks before dropping changes (Escape, the close
 * button, Cancel or a backdrop click while the draft differs from what is stored).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Modal } from '../../components/index.ts';

export interface GuardedEditModalProps {
  title: string;
  /** The draft differs from what is stored. */
  dirty: boolean;
  saving: boolean;
  onSubmit: () => void;
  onClose: () => void;
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}

export function GuardedEditModal({ title, dirty, saving, onSubmit, onClose, size, children }: GuardedEditModalProps) {
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const close = () => (dirty ? setConfirmingLeave(true) : onClose());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  if (confirmingLeave) {
    return (
      <Modal
        open
        size="sm"
        title="Unsaved changes"
        onClose={() => setConfirmingLeave(false)}
        footer={
          <>
            <Button onClick={() => setConfirmingLeave(false)}>Keep editing</Button>
            <Button variant="danger" onClick={onClose}>
              Leave without saving
            </Button>
          </>
        }
      >
        <p>You have unsaved changes. Leave anyway?</p>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      size={size}
      onClose={close}
      preventClose={saving}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="setting-edit" loading={saving}>
            Save
          </Button>
        </>
      }
    >
      <form id="setting-edit" onSubmit={submit} noValidate>
        {children}
      </form>
    </Modal>
  );
}

/**
 * One setting's edit dialog: a text box, Save, and a guard that asks before dropping changes
 * (Escape, the close button, Cancel or a backdrop click with unsaved text).
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import { Button, FormError, Modal, TextArea, TextInput, useToast } from '../../components/index.ts';

export interface EditTextModalProps {
  title: string;
  label: string;
  hint?: string;
  initial: string;
  /** Several lines, up to this many characters; a single line when absent. */
  multiline?: { maxLength: number };
  type?: 'text' | 'email' | 'url';
  autoComplete?: string;
  /** The problem with a value before it is sent, if any. */
  check: (value: string) => string | undefined;
  /** Saves the trimmed value; resolves to the confirmation to show. */
  save: (value: string) => Promise<string>;
  /** The request field whose server-side problems belong under the box. */
  requestField: string;
  onClose: () => void;
}

export function EditTextModal(props: EditTextModalProps) {
  const toast = useToast();
  const [value, setValue] = useState(props.initial);
  const [problem, setProblem] = useState<string>();
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const save = useMutation({ mutationFn: props.save });
  const serverProblem = fieldErrors(save.error)[props.requestField];

  const close = () => (value === props.initial ? props.onClose() : setConfirmingLeave(true));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const found = props.check(trimmed);
    setProblem(found);
    if (found) return;
    save.mutate(trimmed, {
      onSuccess: (confirmation) => {
        toast.show(confirmation, { tone: 'success' });
        props.onClose();
      },
    });
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
            <Button variant="danger" onClick={props.onClose}>
              Leave without saving
            </Button>
          </>
        }
      >
        <p>You have unsaved changes. Leave anyway?</p>
      </Modal>
    );
  }

  const field = {
    label: props.label,
    hint: props.hint,
    value,
    error: problem ?? serverProblem,
    'data-autofocus': true,
  };
  return (
    <Modal
      open
      title={props.title}
      onClose={close}
      preventClose={save.isPending}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="setting-edit" loading={save.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form id="setting-edit" onSubmit={onSubmit} noValidate>
        <FormError error={save.error} fields={[props.requestField]} />
        {props.multiline ? (
          <TextArea
            {...field}
            rows={6}
            maxLength={props.multiline.maxLength}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : (
          <TextInput
            {...field}
            type={props.type ?? 'text'}
            autoComplete={props.autoComplete}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </form>
    </Modal>
  );
}

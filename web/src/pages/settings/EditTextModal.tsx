/**
 * One text setting's edit dialog: a text box and Save, guarded against dropping unsaved text.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import { FormError, TextArea, TextInput, useToast } from '../../components/index.ts';
import { GuardedEditModal } from './GuardedEditModal.tsx';

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
  const save = useMutation({ mutationFn: props.save });
  const serverProblem = fieldErrors(save.error)[props.requestField];

  const onSubmit = () => {
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

  const field = {
    label: props.label,
    hint: props.hint,
    value,
    error: problem ?? serverProblem,
    'data-autofocus': true,
  };
  return (
    <GuardedEditModal
      title={props.title}
      dirty={value !== props.initial}
      saving={save.isPending}
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
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
    </GuardedEditModal>
  );
}

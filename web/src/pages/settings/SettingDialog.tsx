/**
 * The edit dialog of one agency setting: asks before dropping changes, shows why a save failed,
 * and once saved says so and closes.
 */
import type { ReactNode } from 'react';
import type { UpdateAgencyBody } from '@jc/server/contract';
import { FormError } from '../../components/index.ts';
import { GuardedEditModal } from './GuardedEditModal.tsx';
import { useDialogSave } from './use-dialog-save.ts';

export function SettingDialog(props: {
  title: string;
  /** The setting as the draft would store it. */
  setting: NonNullable<UpdateAgencyBody['settings']>[number];
  /** The draft differs from what is stored. */
  dirty: boolean;
  /** What the confirmation says once saved. */
  saved: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { update, save } = useDialogSave(props.onClose);
  return (
    <GuardedEditModal
      title={props.title}
      size="lg"
      dirty={props.dirty}
      saving={update.isPending}
      onSubmit={() => save({ settings: [props.setting] }, props.saved)}
      onClose={props.onClose}
    >
      <FormError error={update.error} />
      {props.children}
    </GuardedEditModal>
  );
}

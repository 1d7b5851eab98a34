/**
 * Create User from an agency's Team Members & Roles: a new user (name and email, emailed an
 * invitation), added to the team being edited; the agency's Save gives them their role there.
 */
import { useState } from 'react';
import type { AdminUser } from '@jc/server/contract';
import { useSaveUser } from '../../api/admin.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, Modal, useToast } from '../../components/index.ts';
import { identityReady, UserIdentityFields } from './UserIdentityFields.tsx';

export function CreateMemberModal({
  onCreated,
  onClose,
}: {
  onCreated: (user: AdminUser) => void;
  onClose: () => void;
}) {
  const save = useSaveUser();
  const toast = useToast();
  const [identity, setIdentity] = useState({ name: '', email: '' });
  const onSave = () =>
    save.mutate(
      { user_account_id: null, name: identity.name.trim(), email: identity.email.trim(), agency_ids: [] },
      {
        onSuccess: (saved) => {
          if (!saved) return;
          toast.show(
            `${saved.name ?? saved.email} has been created and added to the team. Save the agency to keep it.`,
            {
              tone: 'success',
            },
          );
          onCreated(saved);
          onClose();
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  return (
    <Modal
      open
      title="Create New User"
      onClose={onClose}
      preventClose={save.isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={onSave} disabled={!identityReady(identity)} loading={save.isPending}>
            Create user
          </Button>
        </>
      }
    >
      <UserIdentityFields
        identity={identity}
        onChange={setIdentity}
        emailFixed={false}
        serverErrors={fieldErrors(save.error)}
      />
    </Modal>
  );
}

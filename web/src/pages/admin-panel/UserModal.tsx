/**
 * Create or edit a user: name, email (fixed once created) and the agencies they belong to.
 * Choosing a superagency also gives its child agencies (the server adds them). A new user is
 * emailed an invitation to set their password. A staff email (CSG, Recidiviz) chooses every
 * agency; Create New Agency opens the agency dialog on top and chooses the agency it creates.
 */
import { useState } from 'react';
import type { AdminAgenciesResponse, AdminUserSummary } from '@jc/server/contract';
import { useAdminAgencies, useAdminUserAgencies, useSaveUser } from '../../api/admin.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Modal, Spinner, useToast } from '../../components/index.ts';
import { isStaffEmail } from './admin-rules.ts';
import { AgencyModal } from './AgencyModal.tsx';
import { Checklist } from './Checklist.tsx';
import { identityReady, UserIdentityFields } from './UserIdentityFields.tsx';

export interface UserModalProps {
  /** null: create a user. */
  user: AdminUserSummary | null;
  onClose: () => void;
}

export function UserModal({ user, onClose }: UserModalProps) {
  const agencies = useAdminAgencies();
  const current = useAdminUserAgencies(user?.id ?? null);
  if (agencies.isError || current.isError) {
    return (
      <Modal open title="Edit User Information" onClose={onClose}>
        <ErrorState error={agencies.error ?? current.error} />
      </Modal>
    );
  }
  if (agencies.isPending || (user && current.isPending)) {
    return (
      <Modal open title={user ? 'Edit User Information' : 'Create New User'} onClose={onClose}>
        <Spinner label="Loading…" />
      </Modal>
    );
  }
  const items = agencies.data.agencies.map((agency) => ({
    id: agency.id,
    label: agency.name,
    detail: [agency.state, agency.is_superagency ? 'superagency' : null, `ID ${agency.id}`].filter(Boolean).join(' · '),
  }));
  const initial = new Set((current.data ?? []).map((agency) => agency.id));
  return <UserForm user={user} all={agencies.data} items={items} initial={initial} onClose={onClose} />;
}

interface UserFormProps extends UserModalProps {
  all: AdminAgenciesResponse;
  items: { id: number; label: string; detail: string }[];
  initial: ReadonlySet<number>;
}

function UserForm({ user, all, items, initial, onClose }: UserFormProps) {
  const save = useSaveUser();
  const toast = useToast();
  const [identity, setIdentity] = useState({ name: user?.name ?? '', email: user?.email ?? '' });
  const [chosen, setChosen] = useState<Set<number>>(new Set(initial));
  const [creatingAgency, setCreatingAgency] = useState(false);
  const { name, email } = identity;
  const changed =
    name.trim() !== (user?.name ?? '') ||
    email.trim().toLowerCase() !== (user?.email ?? '') ||
    chosen.size !== initial.size ||
    [...chosen].some((id) => !initial.has(id));
  const ready = changed && identityReady(identity);
  const changeIdentity = (next: typeof identity) => {
    // Staff help every agency: typing a staff email chooses them all, as the reference did.
    if (!user && isStaffEmail(next.email) && !isStaffEmail(email)) setChosen(new Set(items.map((item) => item.id)));
    setIdentity(next);
  };

  const onSave = () => {
    const item = { user_account_id: user?.id ?? null, name: name.trim(), email: email.trim(), agency_ids: [...chosen] };
    save.mutate(item, {
      onSuccess: (saved) => {
        const count = saved?.agencies.length ?? chosen.size;
        toast.show(
          user
            ? `User changes saved: ${item.name} belongs to ${count} ${count === 1 ? 'agency' : 'agencies'}.`
            : `User has been created and emailed an invitation to set a password (${count} ${count === 1 ? 'agency' : 'agencies'}).`,
          { tone: 'success' },
        );
        onClose();
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  };

  return (
    <Modal
      open
      title={user ? 'Edit User Information' : 'Create New User'}
      size="lg"
      onClose={onClose}
      preventClose={save.isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={onSave} disabled={!ready} loading={save.isPending}>
            {user ? 'Save changes' : 'Create user'}
          </Button>
        </>
      }
    >
      <div className="admin-form">
        <UserIdentityFields
          identity={identity}
          onChange={changeIdentity}
          emailFixed={user !== null}
          serverErrors={fieldErrors(save.error)}
        />
        <Checklist label="Agencies" items={items} chosen={chosen} onChange={setChosen} />
        <p className="field__hint">Choosing a superagency also gives access to all of its child agencies.</p>
        <div>
          <Button onClick={() => setCreatingAgency(true)}>Create New Agency</Button>
        </div>
      </div>
      {creatingAgency && (
        <AgencyModal
          agency={null}
          all={all}
          onClose={() => setCreatingAgency(false)}
          onSaved={(saved) => setChosen((current) => new Set([...current, saved.id]))}
        />
      )}
    </Modal>
  );
}

/**
 * Create or edit a user: name, email (fixed once created) and the agencies they belong to.
 * Choosing a superagency also gives its child agencies (the server adds them). A new user is
 * emailed an invitation to set their password.
 */
import { useState } from 'react';
import { useAdminAgencies, useAdminUserAgencies, useSaveUser, type AdminUserSummary } from '../../api/admin.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Modal, Spinner, TextInput, useToast } from '../../components/index.ts';
import { isEmail } from './admin-rules.ts';
import { Checklist } from './Checklist.tsx';

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
  return <UserForm user={user} items={items} initial={initial} onClose={onClose} />;
}

interface UserFormProps extends UserModalProps {
  items: { id: number; label: string; detail: string }[];
  initial: ReadonlySet<number>;
}

function UserForm({ user, items, initial, onClose }: UserFormProps) {
  const save = useSaveUser();
  const toast = useToast();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [chosen, setChosen] = useState<Set<number>>(new Set(initial));
  const serverErrors = fieldErrors(save.error);
  const emailProblem = email.trim() && !isEmail(email) ? 'Please enter a valid email address.' : undefined;
  const changed =
    name.trim() !== (user?.name ?? '') ||
    email.trim().toLowerCase() !== (user?.email ?? '') ||
    chosen.size !== initial.size ||
    [...chosen].some((id) => !initial.has(id));
  const ready = changed && name.trim() !== '' && isEmail(email);

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
        <div className="admin-form__row">
          <TextInput
            label="Name"
            value={name}
            required
            onChange={(event) => setName(event.target.value)}
            error={serverErrors['users.0.name']}
          />
          <TextInput
            label="Email"
            type="email"
            value={email}
            required
            disabled={user !== null}
            hint={user ? 'The email cannot be changed here.' : 'They will be emailed an invitation.'}
            onChange={(event) => setEmail(event.target.value)}
            error={emailProblem ?? serverErrors['users.0.email']}
          />
        </div>
        <Checklist label="Agencies" items={items} chosen={chosen} onChange={setChosen} />
        <p className="field__hint">Choosing a superagency also gives access to all of its child agencies.</p>
      </div>
    </Modal>
  );
}

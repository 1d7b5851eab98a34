/** Your own name and email. A new email takes effect once the link sent to it is opened. */
import { useState, type FormEvent } from 'react';
import { useUpdateProfile } from '../../api/accounts.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { useUser } from '../../api/session.ts';
import { Button, Modal, TextInput, useToast } from '../../components/index.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { roleLabel } from './team-rules.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Editing = 'name' | 'email' | null;

function EditModal({ field, initial, onClose }: { field: 'name' | 'email'; initial: string; onClose: () => void }) {
  const update = useUpdateProfile();
  const toast = useToast();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const label = field === 'name' ? 'Name' : 'Email';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const found = !trimmed
      ? `Enter your ${field}.`
      : field === 'email' && !EMAIL.test(trimmed)
        ? 'Invalid Email'
        : undefined;
    setProblem(found);
    if (found) return;
    update.mutate(field === 'name' ? { name: trimmed } : { email: trimmed }, {
      onSuccess: (result) => {
        toast.show(
          result.email_confirmation_sent_to
            ? `We sent a confirmation link to ${result.email_confirmation_sent_to}. Your email changes when you open it.`
            : field === 'name'
              ? `Name was successfully updated to ${trimmed}.`
              : 'Your email is unchanged.',
          { tone: 'success' },
        );
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={`Edit ${label.toLowerCase()}`}
      onClose={onClose}
      preventClose={update.isPending}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="account-edit" loading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form id="account-edit" onSubmit={onSubmit} noValidate>
        {update.isError && !fieldErrors(update.error)[field] && (
          <div className="alert alert--error" role="alert">
            {messageFor(update.error)}
          </div>
        )}
        <TextInput
          label={label}
          type={field === 'email' ? 'email' : 'text'}
          autoComplete={field === 'email' ? 'email' : 'name'}
          hint={
            field === 'email'
              ? 'We will send a link to the new address; your email changes when you open it.'
              : undefined
          }
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={problem ?? fieldErrors(update.error)[field]}
          data-autofocus
        />
      </form>
    </Modal>
  );
}

export function AccountTab() {
  const user = useUser();
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState<Editing>(null);
  const rows: { field: 'name' | 'email'; label: string; value: string }[] = [
    { field: 'name', label: 'Name', value: user.name },
    { field: 'email', label: 'Email', value: user.email },
  ];

  return (
    <section className="card settings-section" aria-labelledby="account-details">
      <h2 id="account-details" className="settings-section__title">
        Your account
      </h2>
      <dl className="settings-details">
        {rows.map((row) => (
          <div key={row.field} className="settings-details__row">
            <dt>{row.label}</dt>
            <dd>{row.value || <span className="settings-muted">Not set</span>}</dd>
            <dd>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setEditing(row.field)}
                aria-label={`Edit ${row.label.toLowerCase()}`}
              >
                Edit
              </Button>
            </dd>
          </div>
        ))}
        <div className="settings-details__row">
          <dt>Role in {agency.name}</dt>
          <dd>{agency.role ? roleLabel(agency.role) : 'No role'}</dd>
        </div>
      </dl>
      {editing && (
        <EditModal
          field={editing}
          initial={editing === 'name' ? user.name : user.email}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

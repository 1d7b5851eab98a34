/** User Provisioning: search every account, create or edit one, delete one after confirming. */
import { useState } from 'react';
import { useAdminUsers, useDeleteUser, type AdminUserSummary } from '../../api/admin.ts';
import { messageFor } from '../../api/errors.ts';
import { useUser } from '../../api/session.ts';
import { Badge, Button, ErrorState, Spinner, Table, TextInput, useToast, type Column } from '../../components/index.ts';
import { matchesSearch } from './admin-rules.ts';
import { ConfirmDeleteModal } from './ConfirmDeleteModal.tsx';
import { UserModal } from './UserModal.tsx';

/** null: closed; 'new': creating; a user: editing. */
type Editing = null | 'new' | AdminUserSummary;

export function UsersPanel() {
  const me = useUser();
  const users = useAdminUsers();
  const remove = useDeleteUser();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AdminUserSummary | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const who = deleting.name || deleting.email || `User ${deleting.id}`;
    remove.mutate(deleting.id, {
      onSuccess: () => toast.show(`${who} has been deleted.`, { tone: 'success' }),
      onError: (error) => toast.error(`${who} could not be deleted: ${messageFor(error)}`),
      onSettled: () => setDeleting(null),
    });
  };

  const columns: Column<AdminUserSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (user) => (
        <span className="admin-name">
          {user.name || '(no name)'} {user.is_platform_admin && <Badge tone="info">Justice Counts staff</Badge>}
        </span>
      ),
    },
    { key: 'email', header: 'Email', cell: (user) => user.email },
    { key: 'id', header: 'ID', align: 'end', cell: (user) => user.id },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'end',
      cell: (user) => (
        <span className="admin-row-actions">
          <Button size="sm" onClick={() => setEditing(user)} aria-label={`Edit ${user.name || user.email}`}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={user.id === me.id}
            title={user.id === me.id ? 'You cannot delete your own account' : undefined}
            onClick={() => setDeleting(user)}
            aria-label={`Delete ${user.name || user.email}`}
          >
            Delete
          </Button>
        </span>
      ),
    },
  ];

  const shown = (users.data ?? []).filter((user) => matchesSearch(query, [user.name, user.email, user.id]));
  return (
    <section aria-label="Users">
      <div className="admin-toolbar">
        <TextInput
          label="Search users"
          hideLabel
          type="search"
          placeholder="Search by name, email or user ID"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="admin-toolbar__search"
        />
        <Button variant="primary" onClick={() => setEditing('new')}>
          Create User
        </Button>
      </div>
      {users.isPending ? (
        <Spinner label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table
          caption={`Users (${shown.length} of ${users.data.length})`}
          columns={columns}
          rows={shown}
          rowKey={(user) => user.id}
          empty="No users found."
        />
      )}
      {editing !== null && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteModal
        what={deleting && (deleting.name || deleting.email || `User ${deleting.id}`)}
        consequences="They lose access to every agency; their past edits and uploads stay, without their name."
        deleting={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

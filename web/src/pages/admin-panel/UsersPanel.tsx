/** User Provisioning: search every account, create or edit one, delete one after confirming. */
import { useState } from 'react';
import type { AdminUserSummary } from '@jc/server/contract';
import { useAdminUsers, useDeleteUser } from '../../api/admin.ts';
import { useUser } from '../../api/session.ts';
import { Badge, Button, type Column } from '../../components/index.ts';
import { matchesSearch } from './admin-rules.ts';
import { ProvisioningList } from './ProvisioningList.tsx';
import { UserModal } from './UserModal.tsx';

/** null: closed; 'new': creating; a user: editing. */
type Editing = null | 'new' | AdminUserSummary;

const COLUMNS: Column<AdminUserSummary>[] = [
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
];

export function UsersPanel() {
  const me = useUser();
  const users = useAdminUsers();
  const remove = useDeleteUser();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const all = users.data ?? [];
  return (
    <ProvisioningList
      title="Users"
      search={{
        label: 'Search users',
        placeholder: 'Search by name, email or user ID',
        value: query,
        onChange: setQuery,
      }}
      toolbar={
        <Button variant="primary" onClick={() => setEditing('new')}>
          Create User
        </Button>
      }
      list={users}
      all={all}
      shown={all.filter((user) => matchesSearch(query, [user.name, user.email, user.id]))}
      columns={COLUMNS}
      empty="No users found."
      nameOf={(user) => user.name || user.email || `User ${user.id}`}
      onEdit={setEditing}
      cannotDelete={(user) => (user.id === me.id ? 'You cannot delete your own account' : undefined)}
      remove={remove}
      deleteConsequences="They lose access to every agency; their past edits and uploads stay, without their name."
    >
      {editing !== null && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ProvisioningList>
  );
}

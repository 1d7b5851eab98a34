/**
 * The Team Members & Roles tab: choose users from everyone, or create one on the spot, and give
 * each member a role. The roles also apply in the agency's child agencies; members taken off lose
 * access when saved.
 */
import { useState } from 'react';
import type { AdminUser } from '@jc/server/contract';
import { useAdminUsers } from '../../api/admin.ts';
import type { AgencyRole } from '../../api/session.ts';
import { Button, ErrorState, Select, Spinner } from '../../components/index.ts';
import type { TeamDraftMember } from './agency-draft.ts';
import { createdMemberRole } from './admin-rules.ts';
import { Checklist } from './Checklist.tsx';
import { CreateMemberModal } from './CreateMemberModal.tsx';

const ROLE_LABELS: Record<AgencyRole, string> = {
  AGENCY_ADMIN: 'Agency Admin',
  JUSTICE_COUNTS_ADMIN: 'Justice Counts Admin',
  CONTRIBUTOR: 'Contributor',
  READ_ONLY: 'Read Only',
};
const NEW_MEMBER_ROLE: AgencyRole = 'AGENCY_ADMIN';

export interface AgencyTeamFieldsProps {
  team: readonly TeamDraftMember[];
  /** The server's environment, which decides the role of staff created here. */
  env: string;
  onChange: (team: TeamDraftMember[]) => void;
}

export function AgencyTeamFields({ team, env, onChange }: AgencyTeamFieldsProps) {
  const users = useAdminUsers();
  const [creating, setCreating] = useState(false);
  if (users.isPending) return <Spinner label="Loading users…" />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const byId = new Map(users.data.map((user) => [user.id, user]));
  const items = users.data.map((user) => ({
    id: user.id,
    label: user.name || user.email || `User ${user.id}`,
    detail: user.email ?? '',
  }));
  const choose = (chosen: Set<number>) =>
    onChange([
      ...team.filter((member) => chosen.has(member.userId)),
      ...[...chosen]
        .filter((id) => !team.some((member) => member.userId === id))
        .map((userId) => ({ userId, role: NEW_MEMBER_ROLE })),
    ]);
  const addCreated = (user: AdminUser) =>
    onChange([...team, { userId: user.id, role: createdMemberRole(user.email ?? '', env) }]);
  const setRole = (userId: number, role: AgencyRole | null) =>
    onChange(team.map((member) => (member.userId === userId ? { ...member, role } : member)));

  return (
    <div className="admin-form">
      <Checklist label="Team members" items={items} chosen={new Set(team.map((m) => m.userId))} onChange={choose} />
      <div>
        <Button onClick={() => setCreating(true)}>Create User</Button>
      </div>
      {creating && <CreateMemberModal onCreated={addCreated} onClose={() => setCreating(false)} />}
      {team.length === 0 ? (
        <p className="field__hint">No members yet. Choose users above; they start as Agency Admins.</p>
      ) : (
        <ul className="admin-team">
          {team.map((member) => {
            const user = byId.get(member.userId);
            const name = user?.name || user?.email || `User ${member.userId}`;
            return (
              <li key={member.userId} className="admin-team__member">
                <span className="admin-team__who">
                  <strong>{name}</strong>
                  <span className="admin-team__email">{user?.email}</span>
                </span>
                <Select
                  label={`Role of ${name}`}
                  hideLabel
                  value={member.role ?? ''}
                  onChange={(event) => setRole(member.userId, (event.target.value || null) as AgencyRole | null)}
                >
                  {member.role === null && <option value="">No role</option>}
                  {Object.entries(ROLE_LABELS).map(([role, label]) => (
                    <option key={role} value={role}>
                      {label}
                    </option>
                  ))}
                </Select>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange(team.filter((other) => other.userId !== member.userId))}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

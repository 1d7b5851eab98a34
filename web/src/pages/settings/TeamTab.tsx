/**
 * Team Members: invite by name, email and role (Contributor unless chosen otherwise), the list (invited people first; Justice Counts staff
 * are left out by the server unless you are staff), and for admins a menu on each member to
 * change their role, remove them, or revoke their invitation.
 */
import { useState, type FormEvent } from 'react';
import { messageFor } from '../../api/errors.ts';
import type { Abilities } from '../../api/session.ts';
import type { TeamMember } from '@jc/server/contract';
import { useInviteMember, useTeam, type MemberRole } from '../../api/team.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import {
  Badge,
  Button,
  ErrorState,
  Select,
  Spinner,
  Table,
  TextInput,
  useToast,
  type Column,
} from '../../components/index.ts';
import { MemberMenu } from './MemberMenu.tsx';
import { roleLabel } from '../../rules/role-labels.ts';
import { defaultInviteRole, isPending, sortTeam, statusLabel } from './team-rules.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function InviteForm({ agencyId, viewer }: { agencyId: number; viewer: Abilities }) {
  const invite = useInviteMember(agencyId);
  const toast = useToast();
  const allowed = viewer.can['team.invite'];
  const roles = viewer.grantableRoles;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const initialRole = defaultInviteRole(roles) ?? 'CONTRIBUTOR';
  const [role, setRole] = useState(initialRole);
  const emailProblem = email.trim() && !EMAIL.test(email.trim()) ? 'Please enter a valid email.' : undefined;
  const ready = allowed && name.trim() !== '' && EMAIL.test(email.trim());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    invite.mutate(
      { name: name.trim(), email: email.trim(), role },
      {
        onSuccess: () => {
          toast.show('User has been invited.', { tone: 'success' });
          setName('');
          setEmail('');
          setRole(initialRole);
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  };

  return (
    <form className="card settings-section team-invite" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" className="settings-section__title">
        Invite members
      </h2>
      {!allowed && <p className="settings-muted">Read-only members cannot invite people.</p>}
      <div className="team-invite__fields">
        <TextInput
          label="Name"
          name="invite-name"
          value={name}
          disabled={!allowed}
          onChange={(e) => setName(e.target.value)}
        />
        <TextInput
          label="Email"
          type="email"
          name="invite-email"
          value={email}
          disabled={!allowed}
          onChange={(e) => setEmail(e.target.value)}
          error={emailProblem}
        />
        <Select
          label="Role"
          name="invite-role"
          value={role}
          disabled={!allowed}
          onChange={(e) => setRole(e.target.value as MemberRole)}
        >
          {roles.map((option) => (
            <option key={option} value={option}>
              {roleLabel(option)}
            </option>
          ))}
        </Select>
        <Button
          type="submit"
          variant="primary"
          disabled={!ready}
          loading={invite.isPending}
          className="team-invite__submit"
        >
          Invite
        </Button>
      </div>
    </form>
  );
}

export function TeamTab() {
  const agency = useCurrentAgency();
  const team = useTeam(agency.id);

  const columns: Column<TeamMember>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (member) => (
        <span className={isPending(member) ? 'team-member team-member--pending' : 'team-member'}>
          <span className="team-member__name">{member.name || member.email}</span>
          <span className="team-member__email">{member.email}</span>
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (member) => <Badge tone={isPending(member) ? 'neutral' : 'info'}>{statusLabel(member)}</Badge>,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'end',
      cell: (member) => <MemberMenu agencyId={agency.id} member={member} />,
    },
  ];

  return (
    <>
      <InviteForm agencyId={agency.id} viewer={agency} />
      <section className="settings-section team-list" aria-label="Team members">
        {team.isPending ? (
          <Spinner label="Loading the team…" />
        ) : team.isError ? (
          <ErrorState error={team.error} onRetry={() => void team.refetch()} />
        ) : (
          <Table
            caption={`Team members of ${agency.name}`}
            columns={columns}
            rows={sortTeam(team.data)}
            rowKey={(member) => member.user_account_id}
            empty="Nobody is on this team yet."
          />
        )}
      </section>
    </>
  );
}

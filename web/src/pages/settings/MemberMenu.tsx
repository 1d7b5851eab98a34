/** One member's menu: the roles the server lets the viewer give this member, Remove (or Revoke an invitation) after confirming. */
import { useState } from 'react';
import { messageFor } from '../../api/errors.ts';
import type { TeamMember } from '@jc/server/contract';
import { useChangeMemberRole, useRemoveMember } from '../../api/team.ts';
import { Button, Menu, Modal, useToast, type MenuItem } from '../../components/index.ts';
import { roleLabel } from '../../rules/role-labels.ts';
import { memberActions } from './team-rules.ts';

export interface MemberMenuProps {
  agencyId: number;
  member: TeamMember;
}

export function MemberMenu({ agencyId, member }: MemberMenuProps) {
  const changeRole = useChangeMemberRole(agencyId);
  const remove = useRemoveMember(agencyId);
  const toast = useToast();
  const [confirming, setConfirming] = useState<'Remove' | 'Revoke' | null>(null);
  const actions = memberActions(member);
  if (actions.length === 0 || !member.email) return null;
  const email = member.email;
  const who = member.name || email;

  const items: MenuItem[] = actions.map((action) =>
    action.kind === 'role'
      ? {
          kind: 'action',
          label: `${roleLabel(action.role)}${action.current ? ' ✓' : ''}`,
          onSelect: () => {
            if (action.current) return;
            changeRole.mutate(
              { email, role: action.role },
              {
                onSuccess: () => toast.show('User’s status has been changed.', { tone: 'success' }),
                onError: (error) => toast.error(messageFor(error)),
              },
            );
          },
        }
      : { kind: 'action', label: action.label, onSelect: () => setConfirming(action.label) },
  );
  const confirmRemove = () =>
    remove.mutate(
      { email },
      {
        onSuccess: () => {
          toast.show(confirming === 'Revoke' ? 'The invitation has been revoked.' : 'User has been removed.', {
            tone: 'success',
          });
          setConfirming(null);
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );

  return (
    <>
      <Menu label={`Change ${who}`} button="Edit" buttonClassName="btn btn--ghost btn--sm" items={items} />
      <Modal
        open={confirming !== null}
        size="sm"
        title={confirming === 'Revoke' ? `Revoke the invitation of ${who}?` : `Remove ${who}?`}
        onClose={() => setConfirming(null)}
        preventClose={remove.isPending}
        footer={
          <>
            <Button onClick={() => setConfirming(null)}>Cancel</Button>
            <Button variant="danger" loading={remove.isPending} onClick={confirmRemove}>
              {confirming}
            </Button>
          </>
        }
      >
        <p>
          {confirming === 'Revoke'
            ? 'Their invitation link will stop working.'
            : `${who} will lose access to this agency.`}{' '}
          You can’t undo this action.
        </p>
      </Modal>
    </>
  );
}

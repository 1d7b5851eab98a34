import { messageFor } from '../api/errors.ts';
import { useSignOut, type SessionUser } from '../api/session.ts';
import { Menu, useToast, type MenuItem } from '../components/index.ts';
import { initials } from './navigation.ts';
import { ADMIN_PANEL_PATH, agencyPath } from './paths.ts';

/** The initials circle: account pages for the current agency, the Admin Panel for staff, sign out. */
export function ProfileMenu({ user, agencyId }: { user: SessionUser; agencyId: number | undefined }) {
  const signOut = useSignOut();
  const toast = useToast();
  const items: MenuItem[] = [];
  if (agencyId !== undefined) {
    items.push({ kind: 'link', label: 'Settings', to: agencyPath(agencyId, 'settings') });
    items.push({ kind: 'link', label: 'Uploaded Files', to: agencyPath(agencyId, 'settings/uploaded-files') });
  }
  if (user.isPlatformAdmin) items.push({ kind: 'link', label: 'Admin Panel', to: ADMIN_PANEL_PATH });
  if (items.length > 0) items.push({ kind: 'separator' });
  items.push({
    kind: 'action',
    label: 'Sign out',
    onSelect: () => signOut.mutate(undefined, { onError: (error) => toast.error(messageFor(error)) }),
  });

  return (
    <Menu
      label="Account menu"
      buttonClassName="avatar-button"
      button={
        <span className="avatar" aria-hidden="true">
          {initials(user.name || user.email)}
        </span>
      }
      header={
        <>
          <span className="menu__header-name">{user.name || 'Signed in'}</span>
          <span className="menu__header-email">{user.email}</span>
        </>
      }
      items={items}
    />
  );
}

import { messageFor } from '../api/errors.ts';
import { useSignOut, type SessionAgency, type SessionUser } from '../api/session.ts';
import { Menu, useToast, type MenuItem } from '../components/index.ts';
import { initials } from './navigation.ts';
import { ADMIN_PANEL_PATH, agencyPath, HELP_PATH, publicDashboardPath } from './paths.ts';

/**
 * The initials circle: account pages for the current agency, its public dashboard when it is on,
 * the Help Center, the Admin Panel for staff, sign out.
 */
export function ProfileMenu({ user, agency }: { user: SessionUser; agency: SessionAgency | undefined }) {
  const signOut = useSignOut();
  const toast = useToast();
  const items: MenuItem[] = [];
  if (agency !== undefined) {
    items.push({ kind: 'link', label: 'Settings', to: agencyPath(agency.id, 'settings') });
    items.push({ kind: 'link', label: 'Uploaded Files', to: agencyPath(agency.id, 'settings/uploaded-files') });
    if (agency.isDashboardEnabled) {
      items.push({ kind: 'link', label: 'Agency Dashboard', to: publicDashboardPath(agency.id) });
    }
  }
  items.push({ kind: 'link', label: 'Help Center', to: HELP_PATH });
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

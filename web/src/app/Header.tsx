import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession, type SessionAgency } from '../api/session.ts';
import { Badge } from '../components/index.ts';
import { AgencySwitcher } from './AgencySwitcher.tsx';
import { Logo } from './Logo.tsx';
import { MainNav } from './MainNav.tsx';
import { environmentLabel } from './navigation.ts';
import { agencyPath } from './paths.ts';
import { ProfileMenu } from './ProfileMenu.tsx';

/**
 * Logo, agency switcher and badges, the main navigation (inline on wide screens, behind a menu
 * button on narrow ones) and the profile menu. Without an agency only the logo and profile show.
 */
export function Header({ agency }: { agency?: SessionAgency }) {
  const { env, user } = useSession();
  const { pathname } = useLocation();
  // The phone menu belongs to the page it was opened on, so any navigation closes it.
  const [drawerOpenOn, setDrawerOpenOn] = useState<string | null>(null);
  const drawerOpen = drawerOpenOn === pathname;
  const envLabel = environmentLabel(env);

  return (
    <header className="header">
      <div className="container header__bar">
        <Link
          to={agency ? agencyPath(agency.id) : '/'}
          className="header__logo"
          aria-label="Justice Counts Publisher, home"
        >
          <Logo />
        </Link>
        {agency && user && (
          <div className="header__agency">
            <AgencySwitcher agencies={user.agencies} current={agency} />
            {agency.role === 'READ_ONLY' && <Badge>Read Only</Badge>}
          </div>
        )}
        {envLabel && (
          <span className="header__env">
            <Badge tone="danger">{envLabel}</Badge>
          </span>
        )}
        {agency && <MainNav agencyId={agency.id} variant="bar" />}
        <div className="header__end">
          {agency && (
            <button
              type="button"
              className="header__menu-toggle"
              aria-label="Main menu"
              aria-expanded={drawerOpen}
              aria-controls="mobile-nav"
              onClick={() => setDrawerOpenOn(drawerOpen ? null : pathname)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                {drawerOpen ? (
                  <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                ) : (
                  <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                )}
              </svg>
            </button>
          )}
          {user && <ProfileMenu user={user} agency={agency} />}
        </div>
      </div>
      {agency && drawerOpen && <MainNav agencyId={agency.id} variant="drawer" />}
    </header>
  );
}

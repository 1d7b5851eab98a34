import { Link, useLocation } from 'react-router';
import { isNavItemActive, mainNavItems } from './navigation.ts';
import { agencyPath } from './paths.ts';

/** Home / Set Up Metrics / Enter Data / Explore Data; the header shows it inline or in the phone menu. */
export function MainNav({ agencyId, variant }: { agencyId: number; variant: 'bar' | 'drawer' }) {
  const { pathname } = useLocation();
  return (
    <nav
      aria-label="Main"
      className={`main-nav main-nav--${variant}`}
      id={variant === 'drawer' ? 'mobile-nav' : undefined}
    >
      <ul className="main-nav__list">
        {mainNavItems.map((item) => (
          <li key={item.label}>
            <Link
              to={agencyPath(agencyId, item.section)}
              className="main-nav__link"
              aria-current={isNavItemActive(item, pathname) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

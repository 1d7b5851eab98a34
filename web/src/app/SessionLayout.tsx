/** The outer routes: load the session, guard signed-in pages, and pick the starting agency. */
import { useEffect } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { startAnalytics, trackPage } from '../api/analytics.ts';
import { ApiError } from '../api/client.ts';
import { useSession, useSessionQuery, useUser, type Analytics } from '../api/session.ts';
import { Button, ErrorState, PageLoading } from '../components/index.ts';
import { NoAgencyPage } from '../components/NoAgencyPage.tsx';
import { AppFrame } from './AppFrame.tsx';
import { Logo } from './Logo.tsx';
import { ADMIN_PANEL_PATH, agencyPath, signInPath } from './paths.ts';

/** Renders nothing but a loader until GET /api/init has answered; every route sits below it. */
export function SessionLayout() {
  const session = useSessionQuery();
  if (session.isPending) return <PageLoading label="Loading Publisher…" />;
  if (session.isError) {
    const maintenance = session.error instanceof ApiError && session.error.code === 'maintenance';
    return (
      <div className="standalone">
        <Logo />
        <ErrorState
          title={maintenance ? 'Publisher is down for maintenance' : 'Publisher could not start'}
          error={session.error}
        />
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    );
  }
  return (
    <>
      <ScrollRestoration />
      <PageViews analytics={session.data.analytics} />
      <Outlet />
    </>
  );
}

/** A page view per address (analytics.ts does nothing when analytics is off). */
function PageViews({ analytics }: { analytics: Analytics | null }) {
  const { pathname } = useLocation();
  useEffect(() => startAnalytics(analytics), [analytics]);
  useEffect(() => trackPage(), [pathname]);
  return null;
}

/** Sends signed-out visitors to the sign-in page, remembering where they were going. */
export function RequireUser() {
  const { user } = useSession();
  const { pathname, search } = useLocation();
  if (!user) return <Navigate to={signInPath(pathname + search)} replace />;
  return <Outlet />;
}

/** `/`: the agency the person opened last (else their first), or the page saying none is connected. */
export function HomeRedirect() {
  const user = useUser();
  const first = user.agencies.find((agency) => agency.id === user.lastAgencyId) ?? user.agencies[0];
  // Justice Counts staff without an agency of their own start in the Admin Panel.
  if (!first && user.isPlatformAdmin) return <Navigate to={ADMIN_PANEL_PATH} replace />;
  if (!first) {
    return (
      <AppFrame>
        <NoAgencyPage />
      </AppFrame>
    );
  }
  return <Navigate to={agencyPath(first.id)} replace />;
}

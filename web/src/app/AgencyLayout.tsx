import { Outlet, useParams } from 'react-router';
import { useRecordAgencyVisit, useUser } from '../api/session.ts';
import { PageLoading } from '../components/index.ts';
import { ForbiddenPage } from '../components/ForbiddenPage.tsx';
import { NoAgencyPage } from '../components/NoAgencyPage.tsx';
import { CurrentAgencyContext } from './agency-context.ts';
import { AppFrame } from './AppFrame.tsx';
import { useReachableAgency } from './reachable-agency.ts';

/**
 * Every page under /agency/:agencyId: the full header for that agency, and useCurrentAgency()
 * for the page: one of the person's agencies, or a child agency of their superagency. Any other
 * agency gets the 403 page, whatever its id.
 */
export function AgencyLayout() {
  const user = useUser();
  const { agencyId } = useParams();
  const reach = useReachableAgency(user, agencyId);
  useRecordAgencyVisit(user, reach.status === 'found' ? reach.agency.id : null);
  if (reach.status === 'loading') return <PageLoading label="Loading agency…" />;
  const agency = reach.status === 'found' ? reach.agency : undefined;
  if (!agency) {
    return <AppFrame>{user.agencies.length === 0 ? <NoAgencyPage /> : <ForbiddenPage what="agency" />}</AppFrame>;
  }
  return (
    <CurrentAgencyContext value={agency}>
      <AppFrame agency={agency}>
        <Outlet />
      </AppFrame>
    </CurrentAgencyContext>
  );
}

/** Justice Counts staff pages (the Admin Panel): no agency navigation, and only for platform admins. */
export function PlatformAdminLayout() {
  const user = useUser();
  return <AppFrame>{user.isPlatformAdmin ? <Outlet /> : <ForbiddenPage what="page" />}</AppFrame>;
}

/** Pages that need no particular agency (sign-in, 404): logo, and the profile menu when signed in. */
export function PlainLayout() {
  return (
    <AppFrame>
      <Outlet />
    </AppFrame>
  );
}

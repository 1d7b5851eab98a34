/**
 * Home: a welcome, the first-run checklist (GettingStarted) and the agency's open tasks (set up metrics, add data, publish records); for a
 * superagency, its child agencies instead. Everything comes from one call, GET /api/home/:id, except
 * completeness and timeliness (Completeness.tsx), which has its own.
 */
import { Link } from 'react-router';
import { useHome } from '../../api/home.ts';
import { useSession, useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { ErrorState, Page, PageLoading } from '../../components/index.ts';
import { ChildAgenciesTable } from './ChildAgenciesTable.tsx';
import { AgencyCompleteness, ChildrenCompleteness } from './Completeness.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import './home.css';
import { HomeShortcuts } from './HomeShortcuts.tsx';
import { TaskBoard } from './TaskBoard.tsx';
import { taskCards } from './task-rules.ts';

function welcome(name: string): string {
  const first = name.trim().split(/\s+/)[0];
  return first ? `Welcome, ${first}` : 'Welcome';
}

export default function HomePage() {
  const user = useUser();
  const { today } = useSession();
  const agency = useCurrentAgency();
  const home = useHome(agency.id);
  const title = welcome(user.name);

  if (home.isPending) return <PageLoading label="Loading your tasks…" />;
  if (home.isError) {
    return (
      <Page title={title}>
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      </Page>
    );
  }
  if (agency.isSuperagency) {
    return (
      <Page title={title} description="Browse your child agencies below.">
        <GettingStarted />
        <ChildAgenciesTable childAgencies={home.data.child_agencies} definitions={home.data.child_definitions} />
        <ChildrenCompleteness agencyId={agency.id} />
      </Page>
    );
  }
  const allDone = taskCards(home.data, today).length === 0;
  const parent = agency.superAgencyId === null ? undefined : user.agencies.find((a) => a.id === agency.superAgencyId);
  return (
    <Page
      title={title}
      description={
        <>
          {parent && (
            <span className="home-parent">
              {agency.name} reports through <Link to={agencyPath(parent.id)}>{parent.name}</Link>.{' '}
            </span>
          )}
          {allDone ? 'Dashboards are updated with the latest published records.' : 'See open tasks below.'}
        </>
      }
    >
      <GettingStarted />
      <div className="home">
        <TaskBoard home={home.data} />
        <HomeShortcuts />
      </div>
      <AgencyCompleteness agencyId={agency.id} />
    </Page>
  );
}

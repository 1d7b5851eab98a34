/**
 * What every page of an agency's public dashboard shows before its figures: "not found" for an
 * unknown agency or one whose dashboard is off, a spinner while loading, the error otherwise.
 */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { PublishedDataResponse } from '@jc/server/contract';
import { usePublishedData } from '../../api/public-data.ts';
import { PUBLIC_DASHBOARDS_PATH } from '../../app/paths.ts';
import { ButtonLink, EmptyState, ErrorState, Page, PageLoading } from '../../components/index.ts';
import './public-dashboard.css';

export function DashboardNotFound({ children }: { children: ReactNode }) {
  return (
    <Page title="Dashboard not found">
      <EmptyState
        title="There is no public dashboard here"
        action={<ButtonLink to={PUBLIC_DASHBOARDS_PATH}>See all agency dashboards</ButtonLink>}
      >
        {children}
      </EmptyState>
    </Page>
  );
}

export function DashboardGate({ children }: { children: (data: PublishedDataResponse) => ReactNode }) {
  const agencyId = Number(useParams().agencyId);
  const data = usePublishedData(agencyId);

  if (!Number.isSafeInteger(agencyId) || (data.error instanceof ApiError && data.error.status === 404)) {
    return <DashboardNotFound>The agency may not have opened its dashboard to the public yet.</DashboardNotFound>;
  }
  if (data.isPending) return <PageLoading label="Loading the dashboard…" />;
  if (data.error) {
    return (
      <Page title="Agency dashboard">
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      </Page>
    );
  }
  return children(data.data);
}

/**
 * The public list of agency dashboards (/dashboards), open to anyone: every agency that has
 * switched its dashboard on and published figures, searchable by name, place or sector.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useDashboardAgencies } from '../../api/public-data.ts';
import { publicDashboardPath } from '../../app/paths.ts';
import { Badge, EmptyState, ErrorState, Page, PageLoading, TextInput } from '../../components/index.ts';
import { listedAgencies, sectorLabel } from './dashboard-rules.ts';
import './public-dashboard.css';

const TITLE = 'Agency dashboards';
const DESCRIPTION = 'Figures that criminal justice agencies publish through Justice Counts, open to everyone.';

export default function DashboardListPage() {
  const agencies = useDashboardAgencies();
  const [search, setSearch] = useState('');

  if (agencies.isPending) return <PageLoading label="Loading agency dashboards…" />;
  if (agencies.error) {
    return (
      <Page title={TITLE}>
        <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
      </Page>
    );
  }
  const listed = listedAgencies(agencies.data, search);
  return (
    <Page title={TITLE} description={DESCRIPTION}>
      <div className="public-search">
        <TextInput
          label="Search agencies"
          type="search"
          value={search}
          placeholder="Name, state, county or sector"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <p className="visually-hidden" role="status">
        {listed.length === 1 ? '1 agency' : `${listed.length} agencies`}
      </p>
      {listed.length === 0 ? (
        <EmptyState title={search ? 'No agency matches your search' : 'No agency has published a dashboard yet'}>
          {search ? 'Try part of the name, or the state.' : 'Dashboards appear here once agencies publish figures.'}
        </EmptyState>
      ) : (
        <ul className="public-agencies">
          {listed.map((agency) => (
            <li key={agency.id} className="public-agency">
              <h2 className="public-agency__name">
                <Link to={publicDashboardPath(agency.id)}>{agency.name}</Link>
              </h2>
              <p className="public-agency__place">
                {[agency.county_name, agency.state_name].filter(Boolean).join(', ') || 'United States'}
              </p>
              <p className="public-agency__sectors">
                {agency.available_sectors.map((sector) => (
                  <Badge key={sector} tone="info">
                    {sectorLabel(sector)}
                  </Badge>
                ))}
              </p>
              <p className="public-agency__count">
                {agency.available_metric_keys.length === 1
                  ? '1 metric published'
                  : `${agency.available_metric_keys.length} metrics published`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/**
 * An agency's public dashboard (/dashboards/:agencyId), open to anyone: the agency's name and
 * description, its sectors, and each metric it has published with a chart, its definition and
 * CSV downloads. Agencies whose dashboard is off are "not found", as unknown ones are.
 */
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { publicFeedUrl, usePublishedData } from '../../api/public-data.ts';
import { PUBLIC_DASHBOARDS_PATH } from '../../app/paths.ts';
import { ButtonLink, EmptyState, ErrorState, Page, PageLoading } from '../../components/index.ts';
import { CurrentRelease } from './CurrentRelease.tsx';
import { metricsWithData, sectorLabel, sectorsOf } from './dashboard-rules.ts';
import { MetricPanel } from './MetricPanel.tsx';
import './public-dashboard.css';

/** The Justice Counts methodology the metrics follow. */
export const METHODOLOGY_URL = 'https://justicecounts.csgjusticecenter.org/methodology';

const settingValue = (settings: { setting_type: string; value: unknown }[], type: string) => {
  const value = settings.find((s) => s.setting_type === type)?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

/** Only web addresses are linked; anything else an agency typed stays text. */
const webAddress = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

export default function AgencyDashboardPage() {
  const agencyId = Number(useParams().agencyId);
  const [params, setParams] = useSearchParams();
  const data = usePublishedData(agencyId);

  if (!Number.isSafeInteger(agencyId) || (data.error instanceof ApiError && data.error.status === 404)) {
    return (
      <Page title="Dashboard not found">
        <EmptyState
          title="There is no public dashboard here"
          action={<ButtonLink to={PUBLIC_DASHBOARDS_PATH}>See all agency dashboards</ButtonLink>}
        >
          The agency may not have opened its dashboard to the public yet.
        </EmptyState>
      </Page>
    );
  }
  if (data.isPending) return <PageLoading label="Loading the dashboard…" />;
  if (data.error) {
    return (
      <Page title="Agency dashboard">
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      </Page>
    );
  }

  const { agency } = data.data;
  const metrics = metricsWithData(data.data);
  const sectors = sectorsOf(metrics);
  const sector = sectors.find((s) => s.toLowerCase() === params.get('sector')?.toLowerCase()) ?? sectors[0];
  const description = settingValue(agency.settings, 'PURPOSE_AND_FUNCTIONS');
  const website = settingValue(agency.settings, 'HOMEPAGE_URL');

  return (
    <Page title={agency.name} description={description}>
      <CurrentRelease agencyId={agency.id} />
      <ul className="public-links">
        {website && (
          <li>
            <a href={webAddress(website)} target="_blank" rel="noreferrer">
              Agency website
            </a>
          </li>
        )}
        <li>
          <a href={METHODOLOGY_URL} target="_blank" rel="noreferrer">
            How Justice Counts metrics are defined
          </a>
        </li>
        <li>
          <a href={publicFeedUrl(agency.id)} download>
            List of data files (CSV)
          </a>
        </li>
      </ul>
      {metrics.length === 0 ? (
        <EmptyState title="This dashboard is under construction">
          {agency.name} has not published figures for its public metrics yet.
        </EmptyState>
      ) : (
        <>
          {sectors.length > 1 && (
            <nav className="public-sectors" aria-label="Sectors">
              {sectors.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="public-sectors__chip"
                  aria-pressed={s === sector}
                  onClick={() => setParams({ sector: s.toLowerCase() }, { replace: true })}
                >
                  {sectorLabel(s)}
                </button>
              ))}
            </nav>
          )}
          <h2 className="public-sector-title">{sectorLabel(sector!)}</h2>
          {metrics
            .filter(({ metric }) => metric.system.key === sector)
            .map((entry) => (
              <MetricPanel key={entry.metric.key} agency={agency} entry={entry} />
            ))}
        </>
      )}
    </Page>
  );
}

/**
 * Set Up Metrics: the overview of every metric per sector, or one metric's configuration when the
 * address names it (?system=PRISONS&metric=PRISONS_FUNDING). READ_ONLY and CONTRIBUTOR members
 * see the same screens with every control disabled.
 */
import { useSearchParams } from 'react-router';
import { useMetricSettings } from '../../api/metric-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { ErrorState, Page, PageLoading } from '../../components/index.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import './metric-config.css';
import { MetricConfiguration } from './MetricConfiguration.tsx';
import { MetricsOverview } from './MetricsOverview.tsx';
import { isSubpopulation } from '../../rules/overview-rules.ts';

export default function MetricConfigPage() {
  const agency = useCurrentAgency();
  const [params] = useSearchParams();
  const query = useMetricSettings(agency.id);
  // The server's rule (metrics.edit) names the same roles as agency.edit.
  const canEdit = agency.can['metrics.edit'];

  if (query.isPending) return <PageLoading label="Loading metric settings…" />;
  if (query.isError) {
    return (
      <Page title="Metric Settings">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const metrics = query.data;
  const metricKey = params.get('metric');
  if (metricKey !== null) {
    const metric = metrics.find((m) => m.key === metricKey);
    if (!metric || isSubpopulation(metric.system.key)) return <NotFoundPage />;
    return (
      <MetricConfiguration key={metric.key} metrics={metrics} base={metric} canEdit={canEdit} agencyId={agency.id} />
    );
  }
  return <MetricsOverview metrics={metrics} sectorParam={params.get('system')} canEdit={canEdit} agency={agency} />;
}

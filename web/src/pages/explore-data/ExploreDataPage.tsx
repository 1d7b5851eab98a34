/**
 * Explore Data: charts and tables of an agency's figures over time, one metric at a time, with
 * drafts included or left out. Reads the agency's metric settings and every datapoint.
 */
import { useSearchParams } from 'react-router';
import { useAgencyDatapoints } from '../../api/datapoints.ts';
import type { MetricSettingJson } from '@jc/server/contract';
import { useMetricSettings } from '../../api/metric-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { ChildAgencySelect } from '../../components/ChildAgencySelect.tsx';
import { agencyPath } from '../../app/paths.ts';
import { ButtonLink, EmptyState, ErrorState, Page, PageLoading } from '../../components/index.ts';
import './explore-data.css';
import { metricFrom, paramsForMetric } from './explore-state.ts';
import { metricGroups } from './metric-groups.ts';
import { MetricPicker } from './MetricPicker.tsx';
import { MetricView } from './MetricView.tsx';

const TITLE = 'Explore Data';
const DESCRIPTION = 'Your agency’s figures over time: pick a metric, then a breakdown, period or frequency.';

export default function ExploreDataPage() {
  const agency = useCurrentAgency();
  const [params, setParams] = useSearchParams();
  const settings = useMetricSettings(agency.id);
  const datapoints = useAgencyDatapoints(agency.id);
  const childSelect = <ChildAgencySelect current={agency} section="data" />;

  if (settings.isPending || datapoints.isPending) return <PageLoading label="Loading your data…" />;
  const failed = settings.error ?? datapoints.error;
  if (failed) {
    const retry = () => void Promise.all([settings.refetch(), datapoints.refetch()]);
    return (
      <Page title={TITLE}>
        <ErrorState error={failed} onRetry={retry} />
      </Page>
    );
  }
  const groups = metricGroups(settings.data ?? [], agency.isSuperagency);
  const metric = metricFrom(
    groups.flatMap((g) => g.metrics),
    params.get('metric'),
  );
  if (!metric || !datapoints.data) {
    return (
      <Page title={TITLE} actions={childSelect}>
        <EmptyState
          title="There are no enabled metrics to view"
          action={
            <ButtonLink to={agencyPath(agency.id, 'metric-config')} variant="primary">
              Go to Set Up Metrics
            </ButtonLink>
          }
        >
          Charts show the metrics your agency reports. Say which ones in Set Up Metrics, then enter or upload figures.
        </EmptyState>
      </Page>
    );
  }
  const hrefFor = (m: MetricSettingJson) => `?${paramsForMetric(params, m).toString()}`;
  return (
    <Page title={TITLE} description={DESCRIPTION} actions={childSelect}>
      <div className="explore">
        <MetricPicker
          groups={groups}
          current={metric}
          agencyId={agency.id}
          hrefFor={hrefFor}
          onChoose={(m) => setParams(paramsForMetric(params, m))}
        />
        <MetricView key={metric.key} metric={metric} metrics={settings.data ?? []} data={datapoints.data} />
      </div>
    </Page>
  );
}

import { EmptyState, Page } from '../../components/index.ts';

export default function MetricConfigPage() {
  return (
    <Page
      title="Set Up Metrics"
      description="Choose which metrics your agency reports, how often, and how its definitions differ from the Justice Counts standard."
    >
      <EmptyState title="Metric settings are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

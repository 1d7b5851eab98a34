import { EmptyState, Page } from '../../components/index.ts';

export default function ExploreDataPage() {
  return (
    <Page title="Explore Data" description="Charts and tables of the data your agency has entered and published.">
      <EmptyState title="Charts are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

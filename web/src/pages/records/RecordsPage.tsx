import { EmptyState, Page } from '../../components/index.ts';

export default function RecordsPage() {
  return (
    <Page title="Records" description="Monthly and annual records of your agency’s data, as drafts or published.">
      <EmptyState title="Records are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

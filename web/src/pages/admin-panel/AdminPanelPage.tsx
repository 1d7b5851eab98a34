import { EmptyState, Page } from '../../components/index.ts';

export default function AdminPanelPage() {
  return (
    <Page title="Admin Panel" description="Create and manage users and agencies across Justice Counts.">
      <EmptyState title="Provisioning is not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

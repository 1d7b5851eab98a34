import { EmptyState, Page } from '../../components/index.ts';

export default function SettingsPage() {
  return (
    <Page title="Settings" description="Your account, your agency’s details, and the people on your team.">
      <EmptyState title="Settings are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { EmptyState, Page } from '../../components/index.ts';

export default function HomePage() {
  const user = useUser();
  const agency = useCurrentAgency();
  const firstName = user.name.trim().split(/\s+/)[0];
  return (
    <Page title={firstName ? `Welcome, ${firstName}` : 'Welcome'} description={`Open tasks for ${agency.name}.`}>
      <EmptyState title="Task cards are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}

/**
 * The Justice Counts Admin Panel (staff only): User Provisioning, Agency Provisioning, every
 * agency's Security Events, Participation (completeness and timeliness across agencies, with a
 * map), and agencies' jurisdiction population by CSV. The open tab is in the URL (`?tab=agencies`),
 * so it can be linked to and survives a reload.
 */
import type { ComponentType } from 'react';
import { useSearchParams } from 'react-router';
import { useAdminAgencies } from '../../api/admin.ts';
import { Page, tabPanelProps, Tabs } from '../../components/index.ts';
import { AgenciesPanel } from './AgenciesPanel.tsx';
import { ParticipationPanel } from './ParticipationPanel.tsx';
import { SecurityEventsPanel } from '../../components/security-events/SecurityEventsPanel.tsx';
import { PopulationPanel } from './PopulationPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './admin-panel.css';

const TABS = [
  { id: 'users', label: 'User Provisioning' },
  { id: 'agencies', label: 'Agency Provisioning' },
  { id: 'events', label: 'Security Events' },
  { id: 'participation', label: 'Participation' },
  { id: 'population', label: 'Population' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const isTab = (id: string | null): id is TabId => TABS.some((tab) => tab.id === id);

function StaffSecurityEvents() {
  const agencies = useAdminAgencies();
  return <SecurityEventsPanel scope={{ staff: true }} agencies={agencies.data?.agencies ?? []} />;
}

const PANELS: Record<TabId, ComponentType> = {
  users: UsersPanel,
  agencies: AgenciesPanel,
  events: StaffSecurityEvents,
  participation: ParticipationPanel,
  population: PopulationPanel,
};

export default function AdminPanelPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab');
  const current: TabId = isTab(tab) ? tab : 'users';
  const Panel = PANELS[current];
  return (
    <Page
      title="Admin Panel"
      description="Create and manage users and agencies across Justice Counts, see their security events and who is reporting."
    >
      <Tabs
        label="Admin Panel"
        idPrefix="admin"
        tabs={TABS}
        current={current}
        onSelect={(id) => setSearchParams(id === 'users' ? {} : { tab: id }, { replace: true })}
      />
      <div {...tabPanelProps('admin', current)}>
        <Panel />
      </div>
    </Page>
  );
}

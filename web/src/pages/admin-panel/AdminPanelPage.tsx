/**
 * The Justice Counts Admin Panel (staff only): User Provisioning and Agency Provisioning. The
 * open tab is in the URL (`?tab=agencies`), so it can be linked to and survives a reload.
 */
import { useSearchParams } from 'react-router';
import { Page, tabPanelProps, Tabs } from '../../components/index.ts';
import { AgenciesPanel } from './AgenciesPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './admin-panel.css';

const TABS = [
  { id: 'users', label: 'User Provisioning' },
  { id: 'agencies', label: 'Agency Provisioning' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function AdminPanelPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const current: TabId = searchParams.get('tab') === 'agencies' ? 'agencies' : 'users';
  return (
    <Page title="Admin Panel" description="Create and manage users and agencies across Justice Counts.">
      <Tabs
        label="Admin Panel"
        idPrefix="admin"
        tabs={TABS}
        current={current}
        onSelect={(id) => setSearchParams(id === 'users' ? {} : { tab: id }, { replace: true })}
      />
      <div {...tabPanelProps('admin', current)}>{current === 'users' ? <UsersPanel /> : <AgenciesPanel />}</div>
    </Page>
  );
}

/**
 * Settings: the Account tab (your own name and email) and the Team Members tab (who is in the
 * agency; invite, change roles, remove). The open tab is in the URL (`?tab=team`), so it can be
 * linked to and survives a reload.
 */
import { useSearchParams } from 'react-router';
import { Page, tabPanelProps, Tabs } from '../../components/index.ts';
import { AccountTab } from './AccountTab.tsx';
import { TeamTab } from './TeamTab.tsx';
import './settings.css';

const TABS = [
  { id: 'account', label: 'Account' },
  { id: 'team', label: 'Team Members' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function SettingsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const current: TabId = searchParams.get('tab') === 'team' ? 'team' : 'account';

  return (
    <Page title="Settings" description="Edit your account settings or manage your team members.">
      <Tabs
        label="Settings"
        idPrefix="settings"
        tabs={TABS}
        current={current}
        onSelect={(id) => setSearchParams(id === 'account' ? {} : { tab: id }, { replace: true })}
      />
      <div {...tabPanelProps('settings', current)}>{current === 'account' ? <AccountTab /> : <TeamTab />}</div>
    </Page>
  );
}

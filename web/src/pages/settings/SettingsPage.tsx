/**
 * Settings: the Account tab (your own name and email) and the Team Members tab (who is in the
 * agency; invite, change roles, remove). The open tab is in the URL (`?tab=team`), so it can be
 * linked to and survives a reload.
 */
import { useSearchParams } from 'react-router';
import { Page } from '../../components/index.ts';
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
      <div className="settings-tabs" role="tablist" aria-label="Settings">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`settings-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls={`settings-panel-${tab.id}`}
            className="settings-tabs__tab"
            onClick={() => setSearchParams(tab.id === 'account' ? {} : { tab: tab.id }, { replace: true })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`settings-panel-${current}`} aria-labelledby={`settings-tab-${current}`}>
        {current === 'account' ? <AccountTab /> : <TeamTab />}
      </div>
    </Page>
  );
}

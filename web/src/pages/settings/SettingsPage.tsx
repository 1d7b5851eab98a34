/**
 * Settings: the Account tab (your own name and email, two-factor sign-in, the agency's profile),
 * the Team Members tab (who is in the agency; invite, change roles, remove) and, for the agency's
 * admins, its Security Events. The open tab is in the URL (`?tab=team`), so it can be linked to
 * and survives a reload.
 */
import { useSearchParams } from 'react-router';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { LearnMoreLink, Page, tabPanelProps, Tabs } from '../../components/index.ts';
import { SecurityEventsPanel } from '../../components/security-events/SecurityEventsPanel.tsx';
import { AccountTab } from './AccountTab.tsx';
import { TeamTab } from './TeamTab.tsx';
import './settings.css';

const TABS = [
  { id: 'account', label: 'Account' },
  { id: 'team', label: 'Team Members' },
  { id: 'security', label: 'Security Events' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function SettingsPage() {
  const agency = useCurrentAgency();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = TABS.filter((tab) => tab.id !== 'security' || agency.can['security_events.view']);
  const current: TabId = tabs.find((tab) => tab.id === searchParams.get('tab'))?.id ?? 'account';

  return (
    <Page
      title="Settings"
      description={
        <>
          Edit your account settings or manage your team members.{' '}
          <LearnMoreLink guide={current === 'team' ? 'team' : 'settings'} what="settings and your team" />
        </>
      }
    >
      <Tabs
        label="Settings"
        idPrefix="settings"
        tabs={tabs}
        current={current}
        onSelect={(id) => setSearchParams(id === 'account' ? {} : { tab: id }, { replace: true })}
      />
      <div {...tabPanelProps('settings', current)}>
        {current === 'account' && <AccountTab />}
        {current === 'team' && <TeamTab />}
        {current === 'security' && <SecurityEventsPanel scope={{ agencyId: agency.id }} />}
      </div>
    </Page>
  );
}

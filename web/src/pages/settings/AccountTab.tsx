/**
 * The Account tab: your own name and email (a new email takes effect once the link sent to it is
 * opened), your two-factor sign-in, your email reminders for this agency, the agency's public
 * profile, jurisdictions and population, whether its members must use two-factor sign-in, API tokens, and signing out
 * everywhere.
 */
import { useState } from 'react';
import { useUpdateProfile } from '../../api/accounts.ts';
import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button } from '../../components/index.ts';
import { AgencyProfile } from './AgencyProfile.tsx';
import { DataSources } from './DataSources.tsx';
import { Jurisdictions } from './Jurisdictions.tsx';
import { Population } from './Population.tsx';
import { SectorDefinitions } from './SectorDefinitions.tsx';
import { SteppingUp } from './SteppingUp.tsx';
import { ApiTokens } from './ApiTokens.tsx';
import { EditTextModal } from './EditTextModal.tsx';
import { EmailReminders } from './EmailReminders.tsx';
import { MemberTwoFactor } from './MemberTwoFactor.tsx';
import { SignOutEverywhere } from './SignOutEverywhere.tsx';
import { roleLabel } from '../../rules/role-labels.ts';
import { TwoFactorSettings } from './TwoFactorSettings.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = 'name' | 'email';

function ProfileModal({ field, initial, onClose }: { field: Field; initial: string; onClose: () => void }) {
  const update = useUpdateProfile();
  const save = async (value: string) => {
    const result = await update.mutateAsync(field === 'name' ? { name: value } : { email: value });
    if (result.email_confirmation_sent_to) {
      return `We sent a confirmation link to ${result.email_confirmation_sent_to}. Your email changes when you open it.`;
    }
    return field === 'name' ? `Name was successfully updated to ${value}.` : 'Your email is unchanged.';
  };
  return (
    <EditTextModal
      title={`Edit ${field}`}
      label={field === 'name' ? 'Name' : 'Email'}
      hint={
        field === 'email' ? 'We will send a link to the new address; your email changes when you open it.' : undefined
      }
      type={field === 'email' ? 'email' : 'text'}
      autoComplete={field}
      initial={initial}
      check={(value) => {
        if (!value) return `Enter your ${field}.`;
        return field === 'email' && !EMAIL.test(value) ? 'Invalid Email' : undefined;
      }}
      save={save}
      requestField={field}
      onClose={onClose}
    />
  );
}

function YourAccount() {
  const user = useUser();
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState<Field | null>(null);
  const rows: { field: Field; label: string; value: string | null }[] = [
    { field: 'name', label: 'Name', value: user.name },
    { field: 'email', label: 'Email', value: user.email },
  ];
  return (
    <section className="card settings-section" aria-labelledby="account-details">
      <h2 id="account-details" className="settings-section__title">
        Your account
      </h2>
      <dl className="settings-details">
        {rows.map((row) => (
          <div key={row.field} className="settings-details__row">
            <dt>{row.label}</dt>
            <dd>{row.value || <span className="settings-muted">Not set</span>}</dd>
            <dd>
              <Button size="sm" variant="ghost" onClick={() => setEditing(row.field)} aria-label={`Edit ${row.field}`}>
                Edit
              </Button>
            </dd>
          </div>
        ))}
        <div className="settings-details__row">
          <dt>Role in {agency.name}</dt>
          <dd>{agency.role ? roleLabel(agency.role) : 'No role'}</dd>
        </div>
      </dl>
      {editing && (
        <ProfileModal
          field={editing}
          initial={(editing === 'name' ? user.name : user.email) ?? ''}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

export function AccountTab() {
  const agency = useCurrentAgency();
  return (
    <>
      <YourAccount />
      <TwoFactorSettings />
      <EmailReminders />
      <AgencyProfile />
      <SectorDefinitions />
      <SteppingUp />
      <DataSources />
      <Jurisdictions />
      <Population />
      <MemberTwoFactor />
      {agency.can['api_tokens.manage'] && <ApiTokens />}
      <SignOutEverywhere />
    </>
  );
}

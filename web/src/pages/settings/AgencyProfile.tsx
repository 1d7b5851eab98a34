/**
 * The agency's profile: name and sectors, the description and homepage its public dashboard
 * shows (with a link to the dashboard when it is on), and for supervision agencies the
 * populations it supervises. Agency admins edit; every member sees.
 */
import { SUPERVISION_SUBSYSTEMS, systemLabel, type SystemName } from '@jc/catalogue';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { MAX_AGENCY_DESCRIPTION_CHARS, textSetting, useUpdateAgency } from '../../api/agency-settings.ts';
import { messageFor } from '../../api/errors.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { publicDashboardPath } from '../../app/paths.ts';
import { Button, Checkbox, useToast } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import { EditTextModal } from './EditTextModal.tsx';
import { homepageProblem, withPopulations } from './settings-rules.ts';

const TEXT_SETTINGS = {
  PURPOSE_AND_FUNCTIONS: {
    label: 'Agency description',
    empty: 'Write a description of your agency for its public dashboard.',
    hint: 'This description goes on your public dashboard.',
    check: () => undefined,
  },
  HOMEPAGE_URL: {
    label: 'Agency website',
    empty: 'Add the address of your agency’s website.',
    hint: 'For example https://www.springfield.gov/police',
    check: homepageProblem,
  },
} as const;
type TextSettingType = keyof typeof TEXT_SETTINGS;

function TextSettingRow({
  type,
  settings,
  canEdit,
}: {
  type: TextSettingType;
  settings: AgencySettingsResponse;
  canEdit: boolean;
}) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const [editing, setEditing] = useState(false);
  const { label, empty, hint, check } = TEXT_SETTINGS[type];
  const value = textSetting(settings, type);
  const save = async (text: string) => {
    await update.mutateAsync({ settings: [{ setting_type: type, value: text || null }] });
    return `${label} saved.`;
  };
  return (
    <div className="settings-details__row">
      <dt>{label}</dt>
      <dd className="settings-text">{value || <span className="settings-muted">{empty}</span>}</dd>
      <dd>
        {canEdit && (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${label.toLowerCase()}`}>
            Edit
          </Button>
        )}
      </dd>
      {editing && (
        <EditTextModal
          title={`Edit ${label.toLowerCase()}`}
          label={label}
          hint={hint}
          initial={value}
          multiline={type === 'PURPOSE_AND_FUNCTIONS' ? { maxLength: MAX_AGENCY_DESCRIPTION_CHARS } : undefined}
          type={type === 'HOMEPAGE_URL' ? 'url' : 'text'}
          check={check}
          save={save}
          requestField="settings.0.value"
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}

function SupervisionPopulations({ canEdit }: { canEdit: boolean }) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const toast = useToast();
  const [chosen, setChosen] = useState(
    () => new Set(agency.systems.filter((s) => SUPERVISION_SUBSYSTEMS.includes(s as SystemName))),
  );
  const toggle = (system: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(system);
      else next.delete(system);
      return next;
    });
  const save = () =>
    update.mutate(
      { systems: withPopulations(agency.systems, chosen) },
      {
        onSuccess: () => toast.show('Supervision populations saved.', { tone: 'success' }),
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  return (
    <fieldset className="settings-populations">
      <legend>Supervision populations</legend>
      <p className="settings-muted">Choose the populations your agency supervises; each gets its own metrics.</p>
      {SUPERVISION_SUBSYSTEMS.map((system) => (
        <Checkbox
          key={system}
          label={systemLabel(system)}
          checked={chosen.has(system)}
          disabled={!canEdit || update.isPending}
          onChange={(event) => toggle(system, event.target.checked)}
        />
      ))}
      {canEdit && (
        <Button size="sm" onClick={save} loading={update.isPending}>
          Save populations
        </Button>
      )}
    </fieldset>
  );
}

function ProfileDetails({ settings }: { settings: AgencySettingsResponse }) {
  const agency = useCurrentAgency();
  const canEdit = agency.can['agency.edit'];
  const sectors = agency.systems.filter((s) => !SUPERVISION_SUBSYSTEMS.includes(s as SystemName));
  return (
    <>
      <dl className="settings-details">
        <div className="settings-details__row">
          <dt>Agency name</dt>
          <dd>{agency.name}</dd>
        </div>
        <div className="settings-details__row">
          <dt>Sectors</dt>
          <dd>{sectors.map((s) => systemLabel(s as SystemName)).join(', ')}</dd>
        </div>
        <TextSettingRow type="PURPOSE_AND_FUNCTIONS" settings={settings} canEdit={canEdit} />
        <TextSettingRow type="HOMEPAGE_URL" settings={settings} canEdit={canEdit} />
        <div className="settings-details__row">
          <dt>Public dashboard</dt>
          <dd>
            {agency.isDashboardEnabled ? (
              <Link to={publicDashboardPath(agency.id)}>View public dashboard</Link>
            ) : (
              'Off. Justice Counts staff switch it on when your agency is ready to publish.'
            )}
          </dd>
        </div>
      </dl>
      {agency.systems.includes('SUPERVISION') && <SupervisionPopulations canEdit={canEdit} />}
      {!canEdit && <p className="settings-muted">Only agency admins can change the agency’s profile.</p>}
    </>
  );
}

export function AgencyProfile() {
  return (
    <AgencySettingsCard title="Agency profile" loading="Loading the agency’s profile…">
      {(settings) => <ProfileDetails settings={settings} />}
    </AgencySettingsCard>
  );
}

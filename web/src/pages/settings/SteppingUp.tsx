/** The Stepping Up questions, for jails and agencies in the Stepping Up initiative. */
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { useAgencySettings } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Checkbox, RadioGroup, TextInput } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import {
  NEEDS,
  steppingUpAnswers,
  steppingUpSummary,
  storedSteppingUp,
  TIMINGS,
  TOOLS,
  type SteppingUpAnswers,
} from './stepping-up.ts';
import { EditableDetails } from './EditableDetails.tsx';
import { SettingDialog } from './SettingDialog.tsx';

const YES_NO = [
  { value: 'YES', label: 'Yes' },
  { value: 'NO', label: 'No' },
] as const;

function SteppingUpModal({ initial, onClose }: { initial: SteppingUpAnswers; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const setTiming = (need: string, timing: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      screening_timing: { ...d.screening_timing, [need]: { ...d.screening_timing[need], [timing]: on } },
    }));
  return (
    <SettingDialog
      title="Edit Stepping Up information"
      setting={{ setting_type: 'STEPPING_UP', value: storedSteppingUp(draft) }}
      dirty={JSON.stringify(storedSteppingUp(draft)) !== JSON.stringify(storedSteppingUp(initial))}
      saved="Stepping Up information saved."
      onClose={onClose}
    >
      <RadioGroup
        legend="Does your agency identify people’s behavioral health needs?"
        options={YES_NO}
        value={draft.identifies_behavioral_needs}
        onChange={(value) => setDraft((d) => ({ ...d, identifies_behavioral_needs: value }))}
      />
      {NEEDS.map((need) => (
        <fieldset key={need.key} className="settings-definition">
          <legend>{need.label}: when are people screened?</legend>
          {TIMINGS.map((timing) => (
            <Checkbox
              key={timing.key}
              label={timing.label}
              checked={draft.screening_timing[need.key]?.[timing.key] === true}
              onChange={(event) => setTiming(need.key, timing.key, event.target.checked)}
            />
          ))}
        </fieldset>
      ))}
      <fieldset className="settings-definition settings-columns">
        <legend>Which screening or assessment tools does your agency use?</legend>
        {TOOLS.map((tool) => (
          <Checkbox
            key={tool.key}
            label={tool.label}
            checked={draft.tools[tool.key] === true}
            onChange={(event) => setDraft((d) => ({ ...d, tools: { ...d.tools, [tool.key]: event.target.checked } }))}
          />
        ))}
      </fieldset>
      {draft.tools.OTHER && (
        <TextInput
          label="Which other tools?"
          maxLength={500}
          value={draft.other_description}
          onChange={(event) => setDraft((d) => ({ ...d, other_description: event.target.value }))}
        />
      )}
    </SettingDialog>
  );
}

function SteppingUpSummary({ settings }: { settings: AgencySettingsResponse }) {
  const answers = steppingUpAnswers(settings);
  return (
    <EditableDetails
      label="Stepping Up information"
      intro="How your agency identifies people with behavioral health needs, for the Stepping Up initiative."
      configured={settings.settings.some((s) => s.setting_type === 'STEPPING_UP')}
      rows={steppingUpSummary(answers).map((row) => ({ key: row.label, ...row }))}
      dialog={(close) => <SteppingUpModal initial={answers} onClose={close} />}
    />
  );
}

/** Jails, and agencies in the Stepping Up initiative, see it. */
export function SteppingUp() {
  const agency = useCurrentAgency();
  const settings = useAgencySettings(agency.id);
  if (!agency.systems.includes('JAILS') && settings.data?.is_stepping_up_agency !== true) return null;
  return (
    <AgencySettingsCard title="Stepping Up Contextual Information" loading="Loading the Stepping Up information…">
      {(loaded) => <SteppingUpSummary settings={loaded} />}
    </AgencySettingsCard>
  );
}

/**
 * The court or supervision agency definition: which kinds of cases or people the agency counts, per
 * sector, against the Justice Counts definition, and other data elements in its own words.
 */
import { SECTOR_INCLUDES_EXCLUDES, type SystemName } from '@jc/catalogue';
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Checkbox, TextArea } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import {
  defaultsOf,
  definitionLabel,
  definitionSectors,
  definitionTitle,
  draftOf,
  isDefined,
  sectorLabel,
  settingOf,
  type DefinitionDraft,
} from './sector-definitions.ts';
import { EditableDetails } from './EditableDetails.tsx';
import { SettingDialog } from './SettingDialog.tsx';

function summary(draft: DefinitionDraft, sector: SystemName): string {
  const answers = Object.entries(draft.answers[sector] ?? {});
  const counted = answers.filter(([, answer]) => answer === 'Yes').length;
  const differs = answers.filter(
    ([key, answer]) => SECTOR_INCLUDES_EXCLUDES[sector]?.find((s) => s.key === key)?.default !== answer,
  ).length;
  const how =
    differs === 0 ? 'as the Justice Counts definition' : `${differs} differ from the Justice Counts definition`;
  return `Counts ${counted} of ${answers.length} kinds (${how}).`;
}

function DefinitionModal(props: {
  title: string;
  sectors: SystemName[];
  initial: DefinitionDraft;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const choose = (sector: string, key: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      answers: { ...d.answers, [sector]: { ...d.answers[sector], [key]: on ? 'Yes' : 'No' } },
    }));
  return (
    <SettingDialog
      title={`Edit ${props.title.toLowerCase()}`}
      setting={{ setting_type: 'SECTOR_INCLUDES_EXCLUDES', value: settingOf(draft, props.sectors) }}
      dirty={JSON.stringify(draft) !== JSON.stringify(props.initial)}
      saved={`${props.title} saved.`}
      onClose={props.onClose}
    >
      <p className="settings-intro">
        Tick what your agency counts. Or{' '}
        <button
          type="button"
          className="settings-link-button"
          onClick={() => setDraft(defaultsOf(draft, props.sectors))}
        >
          use the Justice Counts definition
        </button>
        .
      </p>
      {props.sectors.map((sector, index) => (
        <fieldset key={sector} className="settings-definition">
          <legend>{sectorLabel(sector)}</legend>
          {(SECTOR_INCLUDES_EXCLUDES[sector] ?? []).map((setting, i) => (
            <Checkbox
              key={setting.key}
              label={definitionLabel(setting.key)}
              checked={draft.answers[sector]?.[setting.key] === 'Yes'}
              data-autofocus={index === 0 && i === 0 ? true : undefined}
              onChange={(event) => choose(sector, setting.key, event.target.checked)}
            />
          ))}
          <TextArea
            label="Other data elements your agency counts"
            hint="Optional. In your own words, anything the list above leaves out."
            rows={3}
            maxLength={5_000}
            value={draft.notes[sector] ?? ''}
            onChange={(event) => setDraft((d) => ({ ...d, notes: { ...d.notes, [sector]: event.target.value } }))}
          />
        </fieldset>
      ))}
    </SettingDialog>
  );
}

function DefinitionSummary({ settings, sectors }: { settings: AgencySettingsResponse; sectors: SystemName[] }) {
  const title = definitionTitle(sectors);
  const draft = draftOf(settings, sectors);
  return (
    <EditableDetails
      label={title}
      intro="Information about how your agency is defined."
      configured={isDefined(settings)}
      rows={sectors.map((sector) => ({
        key: sector,
        label: sectorLabel(sector),
        text: (
          <>
            {summary(draft, sector)}
            {draft.notes[sector] && <span className="settings-muted"> Also: {draft.notes[sector]}</span>}
          </>
        ),
      }))}
      dialog={(close) => <DefinitionModal title={title} sectors={sectors} initial={draft} onClose={close} />}
    />
  );
}

/** Shown to courts, and to supervision agencies with populations. */
export function SectorDefinitions() {
  const agency = useCurrentAgency();
  const sectors = definitionSectors(agency.systems);
  if (sectors.length === 0) return null;
  return (
    <AgencySettingsCard title={definitionTitle(sectors)} loading="Loading the agency’s definition…">
      {(settings) => <DefinitionSummary settings={settings} sectors={sectors} />}
    </AgencySettingsCard>
  );
}

import { useState } from 'react';
import type { DisaggregationJson } from '@jc/server/contract';
import { Button, Checkbox, Modal, RadioGroup } from '../../components/index.ts';
import type { MetricPanelProps } from './metric-panel.ts';
import {
  dimensionFlags,
  formFromDimensions,
  HISPANIC,
  isUnknownForced,
  RACES,
  type RaceForm,
} from './race-ethnicity.ts';

const OTHER_RACE_DESCRIPTION = 'OTHER_RACE_DESCRIPTION';

interface RaceEthnicityFormProps {
  panel: MetricPanelProps;
  disaggregation: DisaggregationJson;
  onClose: () => void;
}

export function RaceEthnicityForm({ panel, disaggregation, onClose }: RaceEthnicityFormProps) {
  const [form, setForm] = useState<RaceForm>(() => formFromDimensions(disaggregation.dimensions));
  const [otherText, setOtherText] = useState(
    disaggregation.contexts.find((c) => c.key === OTHER_RACE_DESCRIPTION)?.value ?? '',
  );
  const unknownForced = isUnknownForced(form);
  const races = unknownForced ? [...new Set([...form.races, 'Unknown'])] : form.races;
  const otherMissing = races.includes('Other') && otherText.trim() === '';

  const toggleRace = (race: string, checked: boolean) =>
    setForm({ ...form, races: checked ? [...form.races, race] : form.races.filter((r) => r !== race) });
  const submit = () => {
    panel.save({
      key: panel.metric.key,
      disaggregations: [
        {
          key: disaggregation.key,
          dimensions: dimensionFlags(disaggregation.dimensions, { ...form, races }),
          contexts: [{ key: OTHER_RACE_DESCRIPTION, value: races.includes('Other') ? otherText.trim() : '' }],
        },
      ],
    });
    onClose();
  };

  return (
    <Modal
      open
      title="Race and Ethnicity Form"
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={otherMissing} onClick={submit}>
            Save
          </Button>
        </>
      }
    >
      <RadioGroup
        legend="Are you able to record an individual's ethnicity (Hispanic or Latino, or not) separately from their race?"
        options={[
          { value: 'YES', label: 'Yes' },
          { value: 'NO', label: 'No' },
        ]}
        value={form.canSpecifyEthnicity ? 'YES' : 'NO'}
        onChange={(value) => setForm({ ...form, canSpecifyEthnicity: value === 'YES', hispanicAsRace: false })}
      />
      <fieldset className="mc-checks">
        <legend className="radio-group__legend">
          Which of the following categories does your case management system capture for race?
        </legend>
        {!form.canSpecifyEthnicity && (
          <Checkbox
            label={HISPANIC}
            checked={form.hispanicAsRace}
            onChange={(e) => setForm({ ...form, hispanicAsRace: e.target.checked })}
          />
        )}
        {RACES.map((race) => (
          <Checkbox
            key={race}
            label={race}
            checked={races.includes(race)}
            disabled={race === 'Unknown' && unknownForced}
            hint={
              race === 'Unknown' && unknownForced
                ? 'Needed when Hispanic or Latino is recorded as a race: those people are counted with an unknown race.'
                : undefined
            }
            onChange={(e) => toggleRace(race, e.target.checked)}
          />
        ))}
        {races.includes('Other') && (
          <label className="mc-textarea">
            <span className="field__label">Describe the other races your agency records</span>
            <textarea
              className="input"
              rows={3}
              maxLength={5000}
              value={otherText}
              aria-invalid={otherMissing || undefined}
              onChange={(e) => setOtherText(e.target.value)}
            />
            {otherMissing && <span className="field__error">A description is needed for Other.</span>}
          </label>
        )}
      </fieldset>
    </Modal>
  );
}

/** Where the agency's biological sex and race/ethnicity figures come from, and how they are collected. */
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { RadioGroup, TextInput } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import {
  answerSummary,
  asksModification,
  dataSourceAnswers,
  QUESTIONS,
  storedAnswers,
  SUBJECTS,
  type Answer,
  type DataSourceAnswers,
  type QuestionKey,
  type Subject,
} from './data-sources.ts';
import { EditableDetails } from './EditableDetails.tsx';
import { SettingDialog } from './SettingDialog.tsx';

const TITLE = 'Biological Sex and Race/Ethnicity Data Source';

function DataSourceModal({ initial, onClose }: { initial: DataSourceAnswers; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const answer = (subject: Subject, key: QuestionKey, change: Partial<Answer>) =>
    setDraft((d) => ({ ...d, [subject]: { ...d[subject], [key]: { ...d[subject][key], ...change } } }));
  return (
    <SettingDialog
      title="Edit data sources"
      setting={{ setting_type: 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE', value: storedAnswers(draft) }}
      dirty={JSON.stringify(storedAnswers(draft)) !== JSON.stringify(storedAnswers(initial))}
      saved="Data sources saved."
      onClose={onClose}
    >
      {SUBJECTS.map((subject) => (
        <section key={subject.key} className="settings-questionnaire" aria-label={subject.label}>
          <h3>{subject.label}</h3>
          {QUESTIONS.filter((q) => q.key !== 'modification' || asksModification(draft[subject.key])).map((q) => {
            const current = draft[subject.key][q.key];
            return (
              <div key={q.key}>
                <RadioGroup
                  legend={q.question}
                  options={q.options}
                  value={current.value}
                  onChange={(value) => answer(subject.key, q.key, { value })}
                />
                {current.value === 'OTHER' && (
                  <TextInput
                    label="Describe it"
                    maxLength={500}
                    value={current.other_description ?? ''}
                    onChange={(event) => answer(subject.key, q.key, { other_description: event.target.value })}
                  />
                )}
              </div>
            );
          })}
        </section>
      ))}
    </SettingDialog>
  );
}

function DataSourceSummary({ settings }: { settings: AgencySettingsResponse }) {
  const answers = dataSourceAnswers(settings);
  return (
    <EditableDetails
      label="data sources"
      intro="Where your biological sex and race/ethnicity figures come from, and how they are collected."
      configured={settings.settings.some((s) => s.setting_type === 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE')}
      rows={SUBJECTS.map((subject) => ({
        key: subject.key,
        label: subject.label,
        text: answerSummary(answers[subject.key]),
      }))}
      dialog={(close) => <DataSourceModal initial={answers} onClose={close} />}
    />
  );
}

export function DataSources() {
  return (
    <AgencySettingsCard title={TITLE} loading="Loading the data sources…">
      {(settings) => <DataSourceSummary settings={settings} />}
    </AgencySettingsCard>
  );
}

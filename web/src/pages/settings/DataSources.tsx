/** Where the agency's biological sex and race/ethnicity figures come from, and how they are collected. */
import { useState } from 'react';
import { useUpdateAgency, type AgencySettingsResponse } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { FormError, RadioGroup, TextInput, useToast } from '../../components/index.ts';
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
import { GuardedEditModal } from './GuardedEditModal.tsx';
import { SettingsBlockIntro } from './SettingsBlockIntro.tsx';

const TITLE = 'Biological Sex and Race/Ethnicity Data Source';

function DataSourceModal({ initial, onClose }: { initial: DataSourceAnswers; onClose: () => void }) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const toast = useToast();
  const [draft, setDraft] = useState(initial);
  const answer = (subject: Subject, key: QuestionKey, change: Partial<Answer>) =>
    setDraft((d) => ({ ...d, [subject]: { ...d[subject], [key]: { ...d[subject][key], ...change } } }));
  const save = () =>
    update.mutate(
      { settings: [{ setting_type: 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE', value: storedAnswers(draft) }] },
      {
        onSuccess: () => {
          toast.show('Data sources saved.', { tone: 'success' });
          onClose();
        },
      },
    );
  return (
    <GuardedEditModal
      title="Edit data sources"
      size="lg"
      dirty={JSON.stringify(storedAnswers(draft)) !== JSON.stringify(storedAnswers(initial))}
      saving={update.isPending}
      onSubmit={save}
      onClose={onClose}
    >
      <FormError error={update.error} />
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
    </GuardedEditModal>
  );
}

function DataSourceSummary({ settings }: { settings: AgencySettingsResponse }) {
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState(false);
  const answers = dataSourceAnswers(settings);
  return (
    <>
      <SettingsBlockIntro
        label="data sources"
        intro="Where your biological sex and race/ethnicity figures come from, and how they are collected."
        configured={settings.settings.some((s) => s.setting_type === 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE')}
        canEdit={agency.can['agency.edit']}
        onEdit={() => setEditing(true)}
      />
      <dl className="settings-details">
        {SUBJECTS.map((subject) => (
          <div key={subject.key} className="settings-details__row">
            <dt>{subject.label}</dt>
            <dd>{answerSummary(answers[subject.key])}</dd>
          </div>
        ))}
      </dl>
      {editing && <DataSourceModal initial={answers} onClose={() => setEditing(false)} />}
    </>
  );
}

export function DataSources() {
  return (
    <AgencySettingsCard title={TITLE} loading="Loading the data sources…">
      {(settings) => <DataSourceSummary settings={settings} />}
    </AgencySettingsCard>
  );
}

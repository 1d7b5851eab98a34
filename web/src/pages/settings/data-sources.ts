/**
 * The biological sex and race/ethnicity data-source questions (the
 * BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE setting, stored as the reference stores it:
 * `{biological_sex, race_ethnicity}` each `{source, modification, collection_method}` each
 * `{value, other_description}`). The answer codes are ours; the reference's are not published.
 */
import type { AgencySettingsResponse } from '@jc/server/contract';

export const SUBJECTS = [
  { key: 'biological_sex', label: 'Biological sex' },
  { key: 'race_ethnicity', label: 'Race and ethnicity' },
] as const;
export type Subject = (typeof SUBJECTS)[number]['key'];

export const QUESTIONS = [
  {
    key: 'source',
    question: 'Where does this information come from?',
    options: [
      { value: 'COLLECTED_DIRECTLY', label: 'Our agency collects it directly' },
      { value: 'ANOTHER_AGENCY', label: 'Another agency or system' },
      { value: 'OTHER', label: 'Other' },
      { value: 'UNKNOWN', label: 'Unknown' },
    ],
  },
  {
    key: 'modification',
    question: 'If it comes from another agency, does your agency change it when you receive it?',
    options: [
      { value: 'YES', label: 'Yes' },
      { value: 'NO', label: 'No' },
      { value: 'OTHER', label: 'Other' },
      { value: 'UNKNOWN', label: 'Unknown' },
    ],
  },
  {
    key: 'collection_method',
    question: 'How is it collected?',
    options: [
      { value: 'SELF_IDENTIFIED', label: 'People identify themselves' },
      { value: 'OBSERVED', label: 'Staff observe it' },
      { value: 'OTHER', label: 'Other' },
      { value: 'UNKNOWN', label: 'Unknown' },
    ],
  },
] as const;
export type QuestionKey = (typeof QUESTIONS)[number]['key'];

export interface Answer {
  value: string | null;
  other_description: string | null;
}
export type DataSourceAnswers = Record<Subject, Record<QuestionKey, Answer>>;

const blank = (): Record<QuestionKey, Answer> => ({
  source: { value: null, other_description: null },
  modification: { value: null, other_description: null },
  collection_method: { value: null, other_description: null },
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function answerOf(stored: unknown): Answer {
  if (!isObject(stored)) return { value: null, other_description: null };
  return {
    value: typeof stored.value === 'string' ? stored.value : null,
    other_description: typeof stored.other_description === 'string' ? stored.other_description : null,
  };
}

/** The stored answers; anything missing or of another shape reads as not answered. */
export function dataSourceAnswers(settings: AgencySettingsResponse): DataSourceAnswers {
  const stored = settings.settings.find((s) => s.setting_type === 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE')?.value;
  const answers = { biological_sex: blank(), race_ethnicity: blank() };
  for (const { key: subject } of SUBJECTS) {
    const part = isObject(stored) ? stored[subject] : undefined;
    for (const { key } of QUESTIONS) answers[subject][key] = answerOf(isObject(part) ? part[key] : undefined);
  }
  return answers;
}

/** The change question only applies to information from another agency. */
export const asksModification = (answers: Record<QuestionKey, Answer>) => answers.source.value === 'ANOTHER_AGENCY';

/** "Another agency or system; changed on receipt: No; People identify themselves" — answered questions only. */
export function answerSummary(answers: Record<QuestionKey, Answer>): string {
  const parts = QUESTIONS.filter((q) => q.key !== 'modification' || asksModification(answers)).flatMap((q) => {
    const answer = answers[q.key];
    const label = q.options.find((o) => o.value === answer.value)?.label;
    if (!label) return [];
    const words = answer.value === 'OTHER' && answer.other_description ? `Other: ${answer.other_description}` : label;
    return [q.key === 'modification' ? `changed on receipt: ${words}` : words];
  });
  return parts.length === 0 ? 'Not answered yet.' : parts.join('; ');
}

/** What is stored: a question that does not apply, and "other" text without Other, are cleared. */
export function storedAnswers(answers: DataSourceAnswers): DataSourceAnswers {
  const clean = (subject: Record<QuestionKey, Answer>) =>
    Object.fromEntries(
      QUESTIONS.map(({ key }) => {
        const answer =
          key === 'modification' && !asksModification(subject)
            ? { value: null, other_description: null }
            : subject[key];
        const other = answer.value === 'OTHER' ? answer.other_description?.trim() || null : null;
        return [key, { value: answer.value, other_description: other }];
      }),
    ) as Record<QuestionKey, Answer>;
  return { biological_sex: clean(answers.biological_sex), race_ethnicity: clean(answers.race_ethnicity) };
}

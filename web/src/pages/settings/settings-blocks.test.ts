import { describe, expect, it } from 'vitest';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { answerSummary, dataSourceAnswers, storedAnswers } from './data-sources.ts';
import { definitionLabel, definitionSectors, definitionTitle, draftOf, settingOf } from './sector-definitions.ts';
import { sameJurisdictions, withoutPlaces, withPlace } from './jurisdiction-rules.ts';
import { steppingUpAnswers, storedSteppingUp } from './stepping-up.ts';

const withSettings = (settings: AgencySettingsResponse['settings']): AgencySettingsResponse => ({
  settings,
  jurisdictions: { included: [], excluded: [] },
  is_subscribed_to_emails: false,
  days_after_time_period_to_send_email: 15,
  is_stepping_up_agency: false,
  population: [],
});

describe('sector definitions', () => {
  it('names the block after the sectors and words keys without their sector prefix', () => {
    expect(definitionSectors(['SUPERVISION', 'PAROLE', 'PROBATION'])).toEqual(['PROBATION', 'PAROLE']);
    expect(definitionTitle(['PAROLE'])).toBe('Supervision Agency Definition');
    expect(definitionTitle(['COURTS_AND_PRETRIAL', 'PAROLE'])).toBe('Combined Agency Definition');
    expect(definitionLabel('PAROLE_EARLY_RELEASE')).toBe('People released early from prison by a parole board');
  });

  it('fills unanswered keys with the Justice Counts default and stores the note only when written', () => {
    const draft = draftOf(withSettings([]), ['COURTS_AND_PRETRIAL']);
    expect(draft.answers.COURTS_AND_PRETRIAL).toMatchObject({ CIVIL: 'No', APPEALS: 'Yes' });
    expect(settingOf(draft, ['COURTS_AND_PRETRIAL'])[0]!.settings).not.toContainEqual(
      expect.objectContaining({ key: 'ADDITIONAL_CONTEXT' }),
    );
    const noted = { ...draft, notes: { COURTS_AND_PRETRIAL: '  Tribal courts  ' } };
    expect(settingOf(noted, ['COURTS_AND_PRETRIAL'])[0]!.settings).toContainEqual({
      key: 'ADDITIONAL_CONTEXT',
      value: 'Tribal courts',
    });
  });
});

describe('data sources', () => {
  it('reads stored answers of any shape and clears what does not apply before storing', () => {
    const answers = dataSourceAnswers(
      withSettings([
        {
          setting_type: 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE',
          value: { biological_sex: { source: { value: 'COLLECTED_DIRECTLY' }, modification: { value: 'YES' } } },
        },
      ]),
    );
    expect(answerSummary(answers.biological_sex)).toBe('Our agency collects it directly');
    expect(answerSummary(answers.race_ethnicity)).toBe('Not answered yet.');
    expect(storedAnswers(answers).biological_sex.modification).toEqual({ value: null, other_description: null });
  });
});

describe('stepping up', () => {
  it('keeps the other tools’ description only with Other ticked', () => {
    const answers = steppingUpAnswers(
      withSettings([{ setting_type: 'STEPPING_UP', value: { tools: { OTHER: false }, other_description: 'x' } }]),
    );
    expect(storedSteppingUp(answers).other_description).toBe('');
    expect(storedSteppingUp({ ...answers, tools: { OTHER: true } }).other_description).toBe('x');
  });
});

describe('jurisdictions', () => {
  it('keeps each place in one list, and removes ticked places from both', () => {
    const start = { included: ['A'], excluded: ['B'] };
    expect(withPlace(start, 'B', 'included')).toEqual({ included: ['A', 'B'], excluded: [] });
    expect(withPlace(start, 'A', 'included')).toEqual(start);
    expect(withoutPlaces(start, new Set(['A', 'B']))).toEqual({ included: [], excluded: [] });
    expect(sameJurisdictions(start, { excluded: ['B'], included: ['A'] })).toBe(true);
  });
});

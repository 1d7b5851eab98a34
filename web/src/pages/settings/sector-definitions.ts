/**
 * Agency-wide definitions (the SECTOR_INCLUDES_EXCLUDES setting): for courts, and for each
 * supervision population, which kinds of cases or people the agency counts. The keys and the
 * Justice Counts defaults are the catalogue's; the words are ours.
 */
import { SECTOR_INCLUDES_EXCLUDES, SUPERVISION_SUBSYSTEMS, systemLabel, type SystemName } from '@jc/catalogue';
import { SECTOR_FREE_TEXT_KEY, type AgencySettingsResponse, type SectorDefinition } from '@jc/server/contract';

export type Answer = 'Yes' | 'No';

const WORDS: Record<string, string> = {
  SPECIAL_OR_LIMITED_JURISDICTION: 'Courts of special or limited jurisdiction',
  GENERAL_JURISDICTION: 'Courts of general jurisdiction',
  PROBLEM_SOLVING: 'Problem-solving courts (for example drug or mental health courts)',
  APPEALS: 'Appeals courts',
  CIVIL: 'Civil cases',
  FAMILY: 'Family cases',
  JUVENILE: 'Juvenile cases',
  IN_LIEU_INCARCERATION: 'People sentenced to supervision instead of incarceration',
  AFTER_INCARCERATION: 'People supervised after a period of incarceration',
  POST_ADJUCATION_PROGRAM: 'People in a program after adjudication (for example a specialty court)',
  PRE_ADJUCTATION_PROGRAM: 'People in a program before adjudication (for example diversion)',
  TEMPORARILY_CONFINED: 'People temporarily confined (for example a short jail stay as a sanction)',
  CONFINED_ANY_LENGTH: 'People confined for any length of time who are still under supervision',
  HOLD_PENDING: 'People held in jail or prison pending a hearing or decision',
  JAIL_OR_PRISON_HOLD_PENDING: 'People held in jail or prison pending a hearing or decision',
  INCARCERATED_HOLD_PENDING: 'People incarcerated on a hold pending another case',
  LONGER_SANCTION: 'People serving a longer sanction in jail or prison',
  LONGER_SANTION: 'People serving a longer sanction in jail or prison',
  COMPACT_AGREEMENT: 'People supervised here for another state under an interstate compact',
  ANOTHER_JURISTICTION: 'People from this jurisdiction supervised by another jurisdiction',
  IN_COMMUNITY: 'People in the community who are not actively supervised',
  ANOTHER_FORM_SUPERVISION: 'People also under another form of supervision',
  EARLY_RELEASE: 'People released early from prison by a parole board',
  STATUTORY_REQUIREMENT: 'People released to supervision because the law requires it',
  DETERMINATE_PERIOD: 'People supervised for a fixed period set at sentencing',
  PRIOR_TO_RESOLUTION: 'People supervised before their case is resolved',
  COURT_PROGRAM: 'People in a court-run program',
  CITATION_RELEASE: 'People released on a citation',
  CONDITION_SUPERVISION: 'People released on conditions of supervision',
};

const PREFIXES = ['PROBATION_', 'PAROLE_', 'PRETRIAL_', 'OTHER_'];

/** Words for a definition key; the sector's prefix is dropped ("PAROLE_EARLY_RELEASE" → EARLY_RELEASE). */
export function definitionLabel(key: string): string {
  const prefix = PREFIXES.find((candidate) => key.startsWith(candidate));
  const bare = prefix ? key.slice(prefix.length) : key;
  return WORDS[bare] ?? WORDS[key] ?? bare.toLowerCase().replaceAll('_', ' ');
}

/** The sectors with agency-wide definitions this agency has: courts, or its supervision populations. */
export function definitionSectors(systems: readonly string[]): SystemName[] {
  const sectors = Object.keys(SECTOR_INCLUDES_EXCLUDES) as SystemName[];
  return sectors.filter((sector) => systems.includes(sector));
}

/** "Court Agency Definition", "Supervision Agency Definition" or, with both, "Combined Agency Definition". */
export function definitionTitle(sectors: readonly SystemName[]): string {
  const court = sectors.includes('COURTS_AND_PRETRIAL');
  const supervision = sectors.some((sector) => (SUPERVISION_SUBSYSTEMS as readonly string[]).includes(sector));
  if (court && supervision) return 'Combined Agency Definition';
  return court ? 'Court Agency Definition' : 'Supervision Agency Definition';
}

export const sectorLabel = (sector: SystemName) => (sector === 'COURTS_AND_PRETRIAL' ? 'Courts' : systemLabel(sector));

export interface DefinitionDraft {
  /** Sector → definition key → answer. */
  answers: Record<string, Record<string, Answer>>;
  /** Sector → the other data elements the agency counts, in its own words. */
  notes: Record<string, string>;
}

/** The stored answers, with the Justice Counts default for any not given yet. */
export function draftOf(settings: AgencySettingsResponse, sectors: readonly SystemName[]): DefinitionDraft {
  const stored = settings.settings.find((s) => s.setting_type === 'SECTOR_INCLUDES_EXCLUDES')?.value;
  const saved = Array.isArray(stored) ? (stored as SectorDefinition[]) : [];
  const draft: DefinitionDraft = { answers: {}, notes: {} };
  for (const sector of sectors) {
    const mine = saved.find((s) => s.sector === sector)?.settings ?? [];
    draft.answers[sector] = Object.fromEntries(
      (SECTOR_INCLUDES_EXCLUDES[sector] ?? []).map((setting) => [
        setting.key,
        mine.find((answer) => answer.key === setting.key)?.included ?? setting.default,
      ]),
    );
    draft.notes[sector] = mine.find((answer) => answer.key === SECTOR_FREE_TEXT_KEY)?.value ?? '';
  }
  return draft;
}

/** Every sector's answers back to the Justice Counts definition; the notes stay. */
export function defaultsOf(draft: DefinitionDraft, sectors: readonly SystemName[]): DefinitionDraft {
  const answers = Object.fromEntries(
    sectors.map((sector) => [
      sector,
      Object.fromEntries((SECTOR_INCLUDES_EXCLUDES[sector] ?? []).map((s) => [s.key, s.default])),
    ]),
  );
  return { ...draft, answers };
}

/** The setting as stored: every answer, and the note when there is one. */
export function settingOf(draft: DefinitionDraft, sectors: readonly SystemName[]): SectorDefinition[] {
  return sectors.map((sector) => {
    const note = draft.notes[sector]?.trim() ?? '';
    return {
      sector,
      settings: [
        ...Object.entries(draft.answers[sector] ?? {}).map(([key, included]) => ({ key, included })),
        ...(note ? [{ key: SECTOR_FREE_TEXT_KEY, value: note }] : []),
      ],
    };
  });
}

/** The sector's configured state for the summary: has it been saved at all? */
export function isDefined(settings: AgencySettingsResponse): boolean {
  return settings.settings.some((s) => s.setting_type === 'SECTOR_INCLUDES_EXCLUDES');
}

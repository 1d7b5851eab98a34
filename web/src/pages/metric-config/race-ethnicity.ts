/**
 * Pure rules of the race & ethnicity form. Agencies answer two questions (can they record
 * ethnicity apart from race, and which races their system records); the answers decide which of
 * the 8 × 3 race/ethnicity cells are enabled.
 */
import type { DimensionJson } from '@jc/server/contract';

export const RACES = [
  'American Indian or Alaska Native',
  'Asian',
  'Black',
  'More than one race',
  'Native Hawaiian or Pacific Islander',
  'White',
  'Other',
  'Unknown',
] as const;
export const HISPANIC = 'Hispanic or Latino';
export const NOT_HISPANIC = 'Not Hispanic or Latino';
export const UNKNOWN_ETHNICITY = 'Unknown Ethnicity';
export const ETHNICITIES = [HISPANIC, NOT_HISPANIC, UNKNOWN_ETHNICITY] as const;

export interface RaceForm {
  /** Q1: does the agency record ethnicity separately from race? */
  canSpecifyEthnicity: boolean;
  /** Without ethnicity, whether "Hispanic or Latino" is recorded as if it were a race. */
  hispanicAsRace: boolean;
  /** Races the agency's system records (never "Hispanic or Latino"; see hispanicAsRace). */
  races: string[];
}

/** Which cells a form's answers switch on, as "race / ethnicity" member keys. */
export function enabledCells(form: RaceForm): Set<string> {
  const cells = new Set<string>();
  const races =
    form.hispanicAsRace && !form.canSpecifyEthnicity ? new Set([...form.races, 'Unknown']) : new Set(form.races);
  for (const race of races) {
    if (form.canSpecifyEthnicity) for (const ethnicity of ETHNICITIES) cells.add(`${race} / ${ethnicity}`);
    else if (form.hispanicAsRace) cells.add(`${race} / ${NOT_HISPANIC}`);
    else cells.add(`${race} / ${UNKNOWN_ETHNICITY}`);
  }
  // Someone recorded only as "Hispanic" has an unknown race and a Hispanic ethnicity.
  if (!form.canSpecifyEthnicity && form.hispanicAsRace) cells.add(`Unknown / ${HISPANIC}`);
  return cells;
}

const cell = (dimension: Pick<DimensionJson, 'race' | 'ethnicity'>) => `${dimension.race} / ${dimension.ethnicity}`;

/** The answers that would give the breakdown's current cells (a best reading of what is stored). */
export function formFromDimensions(dimensions: readonly DimensionJson[]): RaceForm {
  const on = dimensions.filter((d) => d.enabled === true);
  const has = (ethnicity: string, race?: string) =>
    on.some((d) => d.ethnicity === ethnicity && (race === undefined || d.race === race));
  const racesWith = (ethnicity?: string) => [
    ...new Set(on.filter((d) => !ethnicity || d.ethnicity === ethnicity).map((d) => d.race ?? '')),
  ];
  const hispanicOnlyAsUnknown = has(HISPANIC, 'Unknown') && on.filter((d) => d.ethnicity === HISPANIC).length === 1;
  if (!has(UNKNOWN_ETHNICITY) && hispanicOnlyAsUnknown) {
    return { canSpecifyEthnicity: false, hispanicAsRace: true, races: racesWith(NOT_HISPANIC) };
  }
  if (on.length > 0 && on.every((d) => d.ethnicity === UNKNOWN_ETHNICITY)) {
    return { canSpecifyEthnicity: false, hispanicAsRace: false, races: racesWith(UNKNOWN_ETHNICITY) };
  }
  return { canSpecifyEthnicity: true, hispanicAsRace: false, races: racesWith() };
}

/** Every member's enabled flag for the form's answers. */
export function dimensionFlags(dimensions: readonly DimensionJson[], form: RaceForm) {
  const cells = enabledCells(form);
  return dimensions.map((d) => ({ key: d.key, enabled: cells.has(cell(d)) }));
}

/** "Unknown" is required when Hispanic is recorded as a race (it becomes "Unknown / Hispanic"). */
export function isUnknownForced(form: RaceForm): boolean {
  return !form.canSpecifyEthnicity && form.hispanicAsRace;
}

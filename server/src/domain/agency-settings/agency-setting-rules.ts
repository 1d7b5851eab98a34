/** Pure checks of agency-level settings against the catalogue, before anything is written. */
import { SECTOR_INCLUDES_EXCLUDES, type SystemName } from '@jc/catalogue';
import { SECTOR_FREE_TEXT_KEY, type Jurisdictions, type SectorDefinition } from '../../contract/agency-settings.ts';
import type { FieldProblem } from '../errors.ts';

/** Reminder emails go this many days after a period ends unless the member chose otherwise. */
export const DEFAULT_DAYS_AFTER_PERIOD = 15;

/** Sector definitions name a sector that has agency-wide definitions and only that sector's keys. */
export function sectorDefinitionProblems(sectors: readonly SectorDefinition[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = Object.keys(SECTOR_INCLUDES_EXCLUDES);
  sectors.forEach((sector, i) => {
    const settings = SECTOR_INCLUDES_EXCLUDES[sector.sector as SystemName];
    if (!settings) {
      problems.push({
        field: `${field}.${i}.sector`,
        message: `"${sector.sector}" has no agency-wide definitions; expected one of ${known.join(', ')}`,
      });
      return;
    }
    sector.settings.forEach((setting, j) => {
      const at = `${field}.${i}.settings.${j}`;
      if (setting.key === SECTOR_FREE_TEXT_KEY) {
        if (setting.included !== undefined && setting.included !== null) {
          problems.push({ field: `${at}.included`, message: 'must be left out for the free-text answer' });
        }
      } else if (!settings.some((candidate) => candidate.key === setting.key)) {
        problems.push({ field: `${at}.key`, message: `"${setting.key}" is not a ${sector.sector} definition setting` });
      } else if (setting.value !== undefined && setting.value !== null) {
        problems.push({ field: `${at}.value`, message: `must be left out; only ${SECTOR_FREE_TEXT_KEY} takes text` });
      }
    });
  });
  return problems;
}

/** A jurisdiction can be included or excluded, not both; repeats are dropped. */
export function normalizeJurisdictions(jurisdictions: Jurisdictions, field: string) {
  const included = [...new Set(jurisdictions.included)];
  const excluded = [...new Set(jurisdictions.excluded)];
  const both = included.filter((geoid) => excluded.includes(geoid));
  const problems: FieldProblem[] = both.map((geoid) => ({
    field: `${field}.excluded`,
    message: `"${geoid}" is also listed as included; list it in one of the two`,
  }));
  return { included, excluded, problems };
}

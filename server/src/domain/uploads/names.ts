/**
 * How sheet names, file names, column headers and the `agency` and `system` cells are compared:
 * case, surrounding and repeated spaces and the usual separators never matter.
 */
import type { SystemName } from '@jc/catalogue';

/**
 * `Arrests By Type`, `arrests-by-type`, `folder/ARRESTS_BY_TYPE.csv` and a browser's duplicate
 * name `arrests_by_type (1).csv` all become `arrests_by_type`.
 */
export function normaliseSheetName(raw: string): string {
  const base = raw.trim().split(/[\\/]/).pop() ?? '';
  const withoutExtension = base.split('.')[0] ?? '';
  return withoutExtension
    .replace(/\s*\(\d+\)\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The first sheet of every template; uploads skip it. */
export const INSTRUCTIONS_SHEET = 'Instructions';

export const isInstructionsSheet = (name: string) => normaliseSheetName(name) === 'instructions';

/** ` Offense Type ` → `offense_type`; `Race / Ethnicity` → `race/ethnicity`. */
export function normaliseHeader(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, '_');
}

/** Agency names compare without case or extra spaces. */
export function normaliseAgencyName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

const SYSTEM_ALIASES: Record<string, SystemName> = {
  all: 'SUPERVISION',
  supervision: 'SUPERVISION',
  parole: 'PAROLE',
  probation: 'PROBATION',
  'pretrial supervision': 'PRETRIAL_SUPERVISION',
  'other supervision': 'OTHER_SUPERVISION',
};

/**
 * The supervision system a `system` cell names (`PAROLE`, `parole`, `Other-Supervision`, `all`),
 * or undefined when it names none of them.
 */
export function supervisionSystemFromCell(raw: string): SystemName | undefined {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return Object.hasOwn(SYSTEM_ALIASES, key) ? SYSTEM_ALIASES[key] : undefined;
}

/** `arrests_by_type` → `Arrests By Type`, the name error groups show. */
export function sheetDisplayName(sheetName: string): string {
  return sheetName
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

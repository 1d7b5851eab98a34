/** Pure rules about an agency's name, state and systems, shared by creating and editing agencies. */
import { AGENCY_SYSTEMS, isSupervisionSubsystem, SYSTEMS, type SystemName } from '@jc/catalogue';
import { addMonths, type YearMonth } from '../../contract/report-periods.ts';
import { invalid, type FieldProblem } from '../errors.ts';
import { reportDateRange, reportInstance, type ReportFrequency } from '../reports/report-rules.ts';
import { isUsStateCode, US_STATES } from '../../contract/us-states.ts';
import { countyOf } from '../../lib/us-counties.ts';

export const MAX_AGENCY_NAME = 255;

export function checkAgencyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('name', 'must not be empty');
  if (trimmed.length > MAX_AGENCY_NAME) {
    throw invalid('name', `must be at most ${MAX_AGENCY_NAME} characters (got ${trimmed.length})`);
  }
  return trimmed;
}

export function checkStateCode(code: string): string {
  const normalized = code.trim().toLowerCase();
  if (!isUsStateCode(normalized)) {
    throw invalid('state', `"${code}" is not a US state or territory code; use the form us_xx, e.g. us_ca`);
  }
  return normalized;
}

/**
 * An agency's county, stored as the reference stores it (`us_ca_san_mateo`): it must be a county
 * of the agency's state. Empty clears it.
 */
export function checkCountyCode(stateCode: string, code: string | null | undefined): string | null | undefined {
  if (code === undefined || code === null || code.trim() === '') return code === undefined ? undefined : null;
  const normalized = code.trim().toLowerCase();
  if (!countyOf(stateCode, normalized)) {
    const state = US_STATES[stateCode] ?? stateCode;
    throw invalid(
      'fips_county_code',
      `"${code}" is not a county of ${state}; choose one from the list, e.g. ${stateCode}_<county name>`,
    );
  }
  return normalized;
}

/**
 * Validates the systems an agency reports for and returns them in canonical order. A supervision
 * sub-system brings SUPERVISION with it; a superagency also carries SUPERAGENCY.
 */
export function normalizeSystems(systems: readonly string[], isSuperagency: boolean): SystemName[] {
  const chosen = new Set<SystemName>();
  for (const raw of systems) {
    const name = raw.trim().toUpperCase();
    // SUPERAGENCY comes from being a superagency, so it is accepted (again) only then.
    const allowed = isSuperagency ? SYSTEMS : AGENCY_SYSTEMS;
    const system = allowed.find((s) => s === name);
    if (!system) {
      throw invalid('systems', `"${raw}" is not a system; choose from ${AGENCY_SYSTEMS.join(', ')}`);
    }
    chosen.add(system);
    if (isSupervisionSubsystem(system)) chosen.add('SUPERVISION');
  }
  if (isSuperagency) chosen.add('SUPERAGENCY');
  if (chosen.size === 0) throw invalid('systems', `choose at least one of ${AGENCY_SYSTEMS.join(', ')}`);
  return SYSTEMS.filter((s) => chosen.has(s));
}

/** Same systems regardless of order: the reference's test for a duplicate agency. */
export function sameSystems(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((s) => set.has(s)) && new Set(b).size === set.size;
}

export interface InitialReport {
  type: ReportFrequency;
  instance: string;
  dateRangeStart: string;
  dateRangeEnd: string;
}

/**
 * The records a new agency starts with, so it can enter data at once: the last twelve months and
 * the current one, and the previous calendar year. (The reference also adds up to two future
 * months; records for periods that have not begun only clutter the list.)
 */
export function initialReports(current: YearMonth): InitialReport[] {
  const periods: [ReportFrequency, number, number][] = [];
  for (let age = 12; age >= 0; age--) {
    const { year, month } = addMonths(current, -age);
    periods.push(['MONTHLY', year, month]);
  }
  periods.push(['ANNUAL', current.year - 1, 1]);
  return periods.map(([type, year, month]) => {
    const range = reportDateRange(type, year, month);
    return { type, instance: reportInstance(type, range.start), dateRangeStart: range.start, dateRangeEnd: range.end };
  });
}

export interface AgencyLinks {
  /** Null while the agency is being created. */
  agencyId: number | null;
  isSuperagency: boolean;
  superAgencyId: number | null;
  childAgencyIds: readonly number[];
}

/** An agency is a superagency with children, or a child of one superagency, never both or its own. */
export function agencyLinkProblems(links: AgencyLinks): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (links.superAgencyId !== null && links.isSuperagency) {
    problems.push({ field: 'super_agency_id', message: 'a superagency cannot also be a child agency' });
  } else if (links.superAgencyId !== null && links.superAgencyId === links.agencyId) {
    problems.push({ field: 'super_agency_id', message: 'an agency cannot be its own superagency' });
  }
  if (links.childAgencyIds.length > 0 && !links.isSuperagency) {
    problems.push({ field: 'child_agency_ids', message: 'only a superagency has child agencies; set is_superagency' });
  } else if (links.agencyId !== null && links.childAgencyIds.includes(links.agencyId)) {
    problems.push({ field: 'child_agency_ids', message: 'an agency cannot be its own child agency' });
  }
  return problems;
}

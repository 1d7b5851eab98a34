/** Pure rules of the admin panel's lists and forms: search, filters, sectors, emails, states. */
import { isSupervisionSubsystem, isSystemName, SUPERVISION_SUBSYSTEMS } from '@jc/catalogue';
import { US_STATES } from '@jc/server/contract';
import type { AgencyRole } from '../../api/session.ts';

/** Case-insensitive "contains" over the given fields; the query is plain text, never a pattern. */
export function matchesSearch(query: string, fields: readonly (string | number | null | undefined)[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = fields
    .filter((field) => field !== null && field !== undefined)
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

export interface AgencyFilters {
  query: string;
  superagenciesOnly: boolean;
  dashboardOnly: boolean;
}

export interface FilterableAgency {
  id: number;
  name: string;
  state: string | null;
  state_code: string | null;
  is_superagency: boolean | null;
  is_dashboard_enabled: boolean | null;
}

export function filterAgencies<A extends FilterableAgency>(agencies: readonly A[], filters: AgencyFilters): A[] {
  return agencies.filter(
    (agency) =>
      (!filters.superagenciesOnly || agency.is_superagency === true) &&
      (!filters.dashboardOnly || agency.is_dashboard_enabled === true) &&
      matchesSearch(filters.query, [agency.name, agency.state, agency.state_code, agency.id]),
  );
}

/**
 * Ticks or unticks one sector: a supervision sub-population brings Supervision with it, and
 * dropping Supervision drops its sub-populations (the server applies the first rule too).
 */
export function toggleSystem(systems: readonly string[], system: string, on: boolean): string[] {
  const chosen = new Set(systems);
  if (on) {
    chosen.add(system);
    if (isSystemName(system) && isSupervisionSubsystem(system)) chosen.add('SUPERVISION');
  } else {
    chosen.delete(system);
    if (system === 'SUPERVISION') for (const sub of SUPERVISION_SUBSYSTEMS) chosen.delete(sub);
  }
  return [...chosen];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (email: string) => EMAIL.test(email.trim());

/** Justice Counts staff and its technology partner, who help every agency. */
const STAFF_DOMAINS = ['@csg.org', '@recidiviz.org'];

export const isStaffEmail = (email: string | null) =>
  email !== null && isEmail(email) && STAFF_DOMAINS.some((domain) => email.trim().toLowerCase().endsWith(domain));

/**
 * The role staff get in an agency they are added to automatically: Justice Counts admin outside
 * production (they set agencies up there), read-only in production.
 */
export const staffRole = (env: string): AgencyRole => (env === 'production' ? 'READ_ONLY' : 'JUSTICE_COUNTS_ADMIN');

/** The role of a user created from an agency's team: staff get staffRole, everyone else Agency Admin. */
export const createdMemberRole = (email: string, env: string): AgencyRole =>
  isStaffEmail(email) ? staffRole(env) : 'AGENCY_ADMIN';

/** The server's rule for homepages: a host name with a dot, optionally http(s). */
const HOMEPAGE = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(:\d{1,5})?([/?#]\S*)?$/i;
export const isHomepage = (url: string) => url.trim() === '' || HOMEPAGE.test(url.trim());

/** States and territories by name, for a picker. */
export const STATE_OPTIONS: readonly { code: string; name: string }[] = Object.entries(US_STATES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));

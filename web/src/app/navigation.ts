/** The main navigation and the small pure rules the header follows. */
import type { SessionAgency } from '../api/session.ts';

export interface NavItem {
  label: string;
  /** Path inside the agency; '' is its home. */
  section: string;
  /** Other sections that belong to this item, e.g. Enter Data covers records and uploads. */
  covers?: string[];
}

export const mainNavItems: NavItem[] = [
  { label: 'Home', section: '' },
  { label: 'Set Up Metrics', section: 'metric-config' },
  { label: 'Enter Data', section: 'data-entry', covers: ['records', 'upload'] },
  { label: 'Explore Data', section: 'data' },
];

/** The section of an agency path: `/agency/7/records/12` → `records`. */
export function sectionOf(pathname: string): string {
  return pathname.split('/')[3] ?? '';
}

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  const section = sectionOf(pathname);
  return section === item.section || (item.covers ?? []).includes(section);
}

/** Up to two letters from the first two words of a name: "Ada M. Lovelace" → "AM". */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase());
  return letters.join('') || '?';
}

/** The badge for a non-production server, or null in production. */
export function environmentLabel(env: string): string | null {
  const names: Record<string, string | null> = { production: null, local: 'Local', development: 'Local', test: 'Test' };
  if (env in names) return names[env] ?? null;
  return env ? env.charAt(0).toUpperCase() + env.slice(1) : null;
}

/** Agencies whose name contains every word typed, in their given order. */
export function filterAgencies(agencies: readonly SessionAgency[], query: string): SessionAgency[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return agencies.filter((agency) => words.every((word) => agency.name.toLowerCase().includes(word)));
}

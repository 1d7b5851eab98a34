/** Where things live in the app. Build links with these rather than by hand. */

export const SIGN_IN_PATH = '/sign-in';
export const ADMIN_PANEL_PATH = '/admin-panel';
/** The public list of agency dashboards; no sign-in needed. */
export const PUBLIC_DASHBOARDS_PATH = '/dashboards';

/** An agency's public dashboard, shown when its dashboard is switched on. */
export function publicDashboardPath(agencyId: number): string {
  return `${PUBLIC_DASHBOARDS_PATH}/${agencyId}`;
}

/** One category of an agency's public dashboard (`capacity-and-costs`), with the view it keeps in its query. */
export function publicCategoryPath(agencyId: number, category: string, query = ''): string {
  return `${publicDashboardPath(agencyId)}/${category}${query ? `?${query}` : ''}`;
}

/** A release of an agency's public figures; `metric` narrows what changed and the citation. */
export function releasePath(agencyId: number, number: number, metric?: string): string {
  return `${publicDashboardPath(agencyId)}/releases/${number}${metric ? `?metric=${encodeURIComponent(metric)}` : ''}`;
}

/** `/agency/7` for the agency's home, `/agency/7/records/12` for a page inside it. */
export function agencyPath(agencyId: number, section = ''): string {
  const rest = section.replace(/^\/+/, '');
  return rest ? `/agency/${agencyId}/${rest}` : `/agency/${agencyId}`;
}

const AGENCY_PREFIX = /^\/agency\/[^/]+/;

/** The same page for another agency: only the `/agency/{id}` prefix changes. */
export function switchAgencyPath(pathname: string, agencyId: number): string {
  return AGENCY_PREFIX.test(pathname) ? pathname.replace(AGENCY_PREFIX, `/agency/${agencyId}`) : agencyPath(agencyId);
}

/** The sign-in page, remembering where to come back to. */
export function signInPath(next: string): string {
  return next === '/' || next.startsWith(SIGN_IN_PATH)
    ? SIGN_IN_PATH
    : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/** Only paths on this site are followed after sign-in, never `//evil.example` or `https://…`. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith(SIGN_IN_PATH) ? '/' : next;
}

/** The Help Center: its landing page, one app's guides, one guide. */
export const HELP_PATH = '/help';

/** The two parts of the Help Center: the Publisher's guides and the public dashboards' guide. */
export type HelpApp = 'publisher' | 'dashboard';

/** Every guide, by its address; the Help Center holds one Markdown file for each. */
export const HELP_GUIDES = {
  'getting-started': 'publisher',
  settings: 'publisher',
  team: 'publisher',
  'set-up-metrics': 'publisher',
  'data-entry': 'publisher',
  'bulk-upload': 'publisher',
  'explore-data': 'publisher',
  superagencies: 'publisher',
  'public-dashboards': 'dashboard',
} as const satisfies Record<string, HelpApp>;

export type HelpGuide = keyof typeof HELP_GUIDES;

export function helpAppPath(app: HelpApp): string {
  return `${HELP_PATH}/${app}`;
}

export function helpGuidePath(guide: HelpGuide): string {
  return `${helpAppPath(HELP_GUIDES[guide])}/${guide}`;
}

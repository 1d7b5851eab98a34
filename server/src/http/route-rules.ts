/**
 * Who may call each route: one line per route, keyed "METHOD /path" exactly as registered.
 * The auth plugin enforces these rules in front of every handler (agency routes refuse
 * outsiders with 404 and members without the role with 403, before the body is looked at), the
 * route walk test (server/test/integration/permissions.test.ts) calls every registered route as
 * six kinds of caller and fails for a route missing here, and docs/permissions.md is generated
 * from this table and permissions.ts.
 *
 * Adding a route: add its line below. For an agency route give the permission action; the agency
 * id is read from the path parameter `agencyId` unless `agencyFrom` says otherwise. Use
 * `agencyFrom: 'resource'` when the route names another record (a report, a spreadsheet) and the
 * domain function checks the action on that record's agency.
 */
import type { AgencyAction } from '../domain/permissions.ts';

export type AgencySource = { param: string } | { query: string } | 'resource' | 'body';

export type RouteRule =
  /** Anyone, signed in or not. */
  | { access: 'public' }
  /** Any signed-in person, acting on their own account. */
  | { access: 'signed_in' }
  /** Justice Counts staff with the platform-admin flag (the admin panel). */
  | { access: 'platform_admin' }
  /** Members of the agency whose role allows the action (permissions.ts). */
  | { access: 'agency'; action: AgencyAction; agencyFrom?: AgencySource };

export const routeRules: Readonly<Record<string, RouteRule>> = {
  // Shell and session
  'GET /health': { access: 'public' },
  'GET /api/init': { access: 'public' },
  'GET /api/env': { access: 'public' },
  'POST /auth/logout': { access: 'signed_in' },
  // Built-in accounts and single sign-on
  'GET /auth/methods': { access: 'public' },
  'POST /auth/login': { access: 'public' },
  'POST /auth/password-reset/request': { access: 'public' },
  'POST /auth/password-reset': { access: 'public' },
  'GET /auth/invitation': { access: 'public' },
  'POST /auth/accept-invite': { access: 'public' },
  'POST /auth/verify-email': { access: 'public' },
  'GET /auth/oidc/login': { access: 'public' },
  'GET /auth/oidc/callback': { access: 'public' },
  // The signed-in user
  'PUT /api/user_dropdown': { access: 'signed_in' },
  'PATCH /api/users': { access: 'signed_in' },
  'PUT /api/:userId/:agencyId/page_visit': { access: 'agency', action: 'membership.edit_own' },
  'PUT /api/agency/:agencyId/subscription/:userId': { access: 'agency', action: 'membership.edit_own' },
  // Agencies and their teams
  'GET /api/agency/:agencyId': { access: 'agency', action: 'team.view' },
  'GET /api/agencies/:agencyId/children': { access: 'agency', action: 'agency.view' },
  'PUT /api/agency/:agencyId/custom-name': { access: 'agency', action: 'agency.view' },
  'POST /api/agencies/:agencyId/users': { access: 'agency', action: 'team.invite' },
  'PATCH /api/agencies/:agencyId/users': { access: 'agency', action: 'team.manage' },
  'DELETE /api/agencies/:agencyId/users': { access: 'agency', action: 'team.manage' },
  // Agency settings (description, URL, definitions, jurisdictions, systems) and metric settings
  'GET /api/agencies/:agencyId': { access: 'agency', action: 'agency.view' },
  'PATCH /api/agencies/:agencyId': { access: 'agency', action: 'agency.edit' },
  'GET /api/agencies/:agencyId/metrics': { access: 'agency', action: 'metrics.view' },
  'PUT /api/agencies/:agencyId/metrics': { access: 'agency', action: 'metrics.edit' },
  // Home page and onboarding guidance
  'GET /api/home/:agencyId': { access: 'agency', action: 'reports.view' },
  'GET /api/users/agencies/:agencyId/guidance': { access: 'agency', action: 'membership.edit_own' },
  'PUT /api/users/agencies/:agencyId/guidance': { access: 'agency', action: 'membership.edit_own' },
  // Records and datapoints
  'GET /api/agencies/:agencyId/reports': { access: 'agency', action: 'reports.view' },
  'GET /api/agencies/:agencyId/datapoints': { access: 'agency', action: 'reports.view' },
  'GET /api/reports': { access: 'agency', action: 'reports.view', agencyFrom: { query: 'agency_id' } },
  'POST /api/reports': { access: 'agency', action: 'reports.create', agencyFrom: 'body' },
  'PATCH /api/reports': { access: 'agency', action: 'reports.publish', agencyFrom: 'body' },
  'DELETE /api/reports': { access: 'agency', action: 'reports.delete', agencyFrom: 'body' },
  'GET /api/reports/:reportId': { access: 'agency', action: 'reports.view', agencyFrom: 'resource' },
  'GET /api/reports/:reportId/history': { access: 'agency', action: 'reports.view', agencyFrom: 'resource' },
  'PATCH /api/reports/:reportId': { access: 'agency', action: 'reports.edit', agencyFrom: 'resource' },
  // Bulk upload
  'POST /api/spreadsheets': { access: 'agency', action: 'uploads.create', agencyFrom: 'body' },
  'GET /api/agencies/:agencyId/spreadsheets': { access: 'agency', action: 'uploads.view' },
  'GET /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.view', agencyFrom: 'resource' },
  'PATCH /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.delete', agencyFrom: 'resource' },
  'DELETE /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.delete', agencyFrom: 'resource' },
  'GET /api/:spreadsheetId/bulk-upload-json': { access: 'agency', action: 'uploads.view', agencyFrom: 'resource' },
  'GET /api/template/:agencyId/:system': { access: 'agency', action: 'uploads.view' },
  // Public dashboards and feeds (the members' feed holds drafts, so it is for members only)
  'GET /api/agencies': { access: 'public' },
  'GET /api/agencies/dashboard': { access: 'public' },
  'GET /api/agencies/:agencyId/published_data': { access: 'public' },
  'GET /feed/:agencyId': { access: 'public' },
  'GET /api/feed/:agencyId': { access: 'agency', action: 'reports.view' },
  // Personal API tokens
  'GET /api/agencies/:agencyId/api_tokens': { access: 'agency', action: 'api_tokens.manage' },
  'POST /api/agencies/:agencyId/api_tokens': { access: 'agency', action: 'api_tokens.manage' },
  'DELETE /api/agencies/:agencyId/api_tokens/:tokenId': { access: 'agency', action: 'api_tokens.manage' },
  // The admin panel: Justice Counts staff only, for any agency or user
  'GET /admin/user/overview': { access: 'platform_admin' },
  'GET /admin/user/:anyUserId': { access: 'platform_admin' },
  'GET /admin/user/:anyUserId/agencies': { access: 'platform_admin' },
  'DELETE /admin/user/:anyUserId': { access: 'platform_admin' },
  'PUT /admin/user': { access: 'platform_admin' },
  'GET /admin/agency/overview': { access: 'platform_admin' },
  'GET /admin/agency/:anyAgencyId/team': { access: 'platform_admin' },
  'GET /admin/agency/:anyAgencyId': { access: 'platform_admin' },
  'DELETE /admin/agency/:anyAgencyId': { access: 'platform_admin' },
  'PUT /admin/agency': { access: 'platform_admin' },
  'POST /admin/agency/:superAgencyId/child-agency/copy': { access: 'platform_admin' },
  'GET /admin/vendors': { access: 'platform_admin' },
  'PUT /admin/vendors': { access: 'platform_admin' },
  'DELETE /admin/vendors/:vendorId': { access: 'platform_admin' },
  'GET /admin/agency/:anyAgencyId/reporting-agency': { access: 'platform_admin' },
  'PUT /admin/agency/:anyAgencyId/reporting-agency': { access: 'platform_admin' },
  'GET /admin/agency/:anyAgencyId/metric-setting': { access: 'platform_admin' },
  'PUT /admin/agency/:anyAgencyId/metric-setting': { access: 'platform_admin' },
};

export function ruleFor(method: string, url: string): RouteRule | undefined {
  return routeRules[`${method} ${url}`];
}

const asId = (value: unknown): number | undefined => {
  const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/**
 * The agency an agency rule is about, read from the raw request; undefined when the rule leaves
 * the check to the domain, or the id is malformed (validation then answers 400).
 */
export function agencyIdOf(
  rule: RouteRule & { access: 'agency' },
  params: unknown,
  query: unknown,
): number | undefined {
  const from = rule.agencyFrom ?? { param: 'agencyId' };
  if (from === 'resource' || from === 'body') return undefined;
  if ('param' in from) return asId((params as Record<string, unknown> | undefined)?.[from.param]);
  return asId((query as Record<string, unknown> | undefined)?.[from.query]);
}

/**
 * Who may call each route: one line per route, keyed "METHOD /path" exactly as registered.
 * The auth plugin enforces these rules in front of every handler (agency routes refuse
 * outsiders with 404 and members without the role with 403, before the body is looked at), the
 * route walk test (server/test/integration/permissions.test.ts) calls every registered route as
 * six kinds of caller and fails for a route missing here, and docs/permissions.md is generated
 * from this table and permissions.ts.
 *
 * Adding a route: add its line below, naming its rule (anyone, signedIn, staff, dropFolder). For
 * an agency route write `members(action, agencyFrom)`: the permission action and where the agency
 * comes from; agency-gate.ts reads exactly that source, and the gate
 * test (server/test/integration/agency-gate.test.ts) proves it for every agency route.
 */
import type { AgencyAction } from '../domain/permissions.ts';

/** The record a path parameter names; the gate checks the action on that record's agency. */
export type RecordSource = { record: 'report' | 'spreadsheet' | 'upload_job'; param: string };

/** Where an agency route finds its agency: path, query, JSON body, upload form, or a record. */
export type AgencySource = { param: string } | { query: string } | { body: string } | { form: string } | RecordSource;

/** Members of the agency whose role allows the action (permissions.ts). */
export type AgencyRule = { access: 'agency'; action: AgencyAction; agencyFrom: AgencySource };

export type RouteRule =
  /** Anyone, signed in or not. */
  | { access: 'public' }
  /** Any signed-in person, acting on their own account. */
  | { access: 'signed_in' }
  /** Justice Counts staff with the platform-admin flag (the admin panel), never through an API token. */
  | { access: 'platform_admin' }
  /** The operator's file transfer, sending INGEST_SECRET (drop-folder-auth.ts); no person. */
  | { access: 'drop_folder' }
  | AgencyRule;

const anyone: RouteRule = { access: 'public' };
const signedIn: RouteRule = { access: 'signed_in' };
const staff: RouteRule = { access: 'platform_admin' };
const dropFolder: RouteRule = { access: 'drop_folder' };
/** Members whose role allows `action` on the agency found at `agencyFrom`. */
const members = (action: AgencyAction, agencyFrom: AgencySource): AgencyRule => ({
  access: 'agency',
  action,
  agencyFrom,
});

const path = { param: 'agencyId' } as const;
const body = { body: 'agency_id' } as const;
const report = { record: 'report', param: 'reportId' } as const;
const spreadsheet = { record: 'spreadsheet', param: 'spreadsheetId' } as const;
const uploadJob = { record: 'upload_job', param: 'uploadJobId' } as const;

export const routeRules: Readonly<Record<string, RouteRule>> = {
  // Shell and session
  'GET /health': anyone,
  'GET /api/init': anyone,
  'GET /api/env': anyone,
  'GET /app_public_config.js': anyone,
  'GET /api/openapi.json': anyone,
  'POST /auth/logout': signedIn,
  'POST /auth/logout-everywhere': signedIn,
  // Built-in accounts and single sign-on
  'GET /auth/methods': anyone,
  'POST /auth/login': anyone,
  'POST /auth/password-reset/request': anyone,
  'POST /auth/password-reset': anyone,
  'GET /auth/invitation': anyone,
  'POST /auth/accept-invite': anyone,
  'POST /auth/verify-email': anyone,
  'GET /auth/oidc/login': anyone,
  'GET /auth/oidc/callback': anyone,
  // Two-factor sign-in: the step after the password (carried by its sign-in token), and one's own settings
  'POST /auth/two-factor': anyone,
  'POST /auth/two-factor/enrolment': anyone,
  'POST /auth/two-factor/enrolment/confirm': anyone,
  'GET /api/users/two-factor': signedIn,
  'POST /api/users/two-factor/enrolment': signedIn,
  'POST /api/users/two-factor/enrolment/confirm': signedIn,
  'POST /api/users/two-factor/recovery-codes': signedIn,
  'DELETE /api/users/two-factor': signedIn,
  // The signed-in user
  'PUT /api/user_dropdown': signedIn,
  'PATCH /api/users': signedIn,
  'PUT /api/:userId/:agencyId/page_visit': members('membership.edit_own', path),
  'PUT /api/agency/:agencyId/subscription/:userId': members('membership.edit_own', path),
  // Agencies and their teams
  'GET /api/agency/:agencyId': members('team.view', path),
  'GET /api/agencies/:agencyId/children': members('agency.view', path),
  'PUT /api/agency/:agencyId/custom-name': members('agency.view', path),
  'POST /api/agencies/:agencyId/users': members('team.invite', path),
  'PATCH /api/agencies/:agencyId/users': members('team.manage', path),
  'DELETE /api/agencies/:agencyId/users': members('team.manage', path),
  // Agency settings (description, URL, definitions, jurisdictions, systems) and metric settings
  'GET /api/agencies/:agencyId': members('agency.view', path),
  'PATCH /api/agencies/:agencyId': members('agency.edit', path),
  'GET /api/agencies/:agencyId/metrics': members('metrics.view', path),
  'PUT /api/agencies/:agencyId/metrics': members('metrics.edit', path),
  'GET /api/geographies': signedIn,
  'GET /api/agencies/:agencyId/metrics/history': members('metrics.view', path),
  // Home page and onboarding guidance
  'GET /api/home/:agencyId': members('reports.view', path),
  // Completeness and timeliness: an agency's, its child agencies' (superagency), everyone's (staff)
  'GET /api/agencies/:agencyId/completeness': members('reports.view', path),
  'GET /api/agencies/:agencyId/completeness/csv': members('reports.view', path),
  'GET /api/agencies/:agencyId/children/completeness': members('reports.view', path),
  'GET /api/agencies/:agencyId/children/completeness/csv': members('reports.view', path),
  'GET /admin/completeness': staff,
  'GET /admin/completeness/csv': staff,
  'GET /api/users/agencies/:agencyId/guidance': members('membership.edit_own', path),
  'PUT /api/users/agencies/:agencyId/guidance': members('membership.edit_own', path),
  // Records and datapoints
  'GET /api/agencies/:agencyId/reports': members('reports.view', path),
  'GET /api/agencies/:agencyId/datapoints': members('reports.view', path),
  'GET /api/reports': members('reports.view', { query: 'agency_id' }),
  'POST /api/reports': members('reports.create', body),
  'PATCH /api/reports': members('reports.publish', body),
  'DELETE /api/reports': members('reports.delete', body),
  'GET /api/reports/flags': members('reports.view', { query: 'agency_id' }),
  'GET /api/reports/:reportId': members('reports.view', report),
  'GET /api/reports/:reportId/history': members('reports.view', report),
  'PATCH /api/reports/:reportId': members('reports.edit', report),
  // Bulk upload
  'POST /api/spreadsheets': members('uploads.create', { form: 'agency_id' }),
  'POST /api/ingest-spreadsheet': dropFolder,
  'GET /api/agencies/:agencyId/spreadsheets': members('uploads.view', path),
  'GET /api/spreadsheets/:spreadsheetId': members('uploads.view', spreadsheet),
  'PATCH /api/spreadsheets/:spreadsheetId': members('uploads.delete', spreadsheet),
  'DELETE /api/spreadsheets/:spreadsheetId': members('uploads.delete', spreadsheet),
  'GET /api/:spreadsheetId/bulk-upload-json': members('uploads.view', spreadsheet),
  'GET /api/template/:agencyId/:system': members('uploads.view', path),
  'GET /api/upload-jobs/:uploadJobId': members('uploads.view', uploadJob),
  // Public dashboards and feeds (the members' feed holds drafts, so it is for members only)
  'GET /api/agencies': anyone,
  'GET /api/agencies/dashboard': anyone,
  'GET /api/agencies/:agencyId/published_data': anyone,
  'GET /api/v2/agencies/:agencyId/published_data': anyone,
  'GET /feed/:agencyId': anyone,
  'GET /api/public/agencies/:agencyId/releases': anyone,
  'GET /api/public/agencies/:agencyId/releases/:number': anyone,
  'GET /api/public/agencies/:agencyId/releases/:number/csv': anyone,
  'GET /api/public/changes': anyone,
  'GET /data.json': anyone,
  'GET /api/feed/:agencyId': members('reports.view', path),
  // Personal API tokens
  'GET /api/agencies/:agencyId/api_tokens': members('api_tokens.manage', path),
  'POST /api/agencies/:agencyId/api_tokens': members('api_tokens.manage', path),
  'DELETE /api/agencies/:agencyId/api_tokens/:tokenId': members('api_tokens.manage', path),
  // Security events: an agency's admins see their agency's, staff everyone's
  'GET /api/agencies/:agencyId/security-events': members('security_events.view', path),
  'GET /api/agencies/:agencyId/security-events/csv': members('security_events.view', path),
  'GET /admin/security-events': staff,
  'GET /admin/security-events/csv': staff,
  // The admin panel: Justice Counts staff only, for any agency or user
  'GET /admin/user/overview': staff,
  'GET /admin/user/:anyUserId': staff,
  'GET /admin/user/:anyUserId/agencies': staff,
  'DELETE /admin/user/:anyUserId': staff,
  'PUT /admin/user': staff,
  'GET /admin/agency/overview': staff,
  'GET /admin/agency/:anyAgencyId/team': staff,
  'GET /admin/agency/:anyAgencyId': staff,
  'DELETE /admin/agency/:anyAgencyId': staff,
  'PUT /admin/agency': staff,
  'POST /admin/agency/:superAgencyId/child-agency/copy': staff,
  'GET /admin/vendors': staff,
  'PUT /admin/vendors': staff,
  'DELETE /admin/vendors/:vendorId': staff,
  'GET /admin/agency/:anyAgencyId/reporting-agency': staff,
  'PUT /admin/agency/:anyAgencyId/reporting-agency': staff,
  'GET /admin/agency/:anyAgencyId/metric-setting': staff,
  'PUT /admin/agency/:anyAgencyId/metric-setting': staff,
  'PUT /admin/population': staff,
};

export function ruleFor(method: string, url: string): RouteRule | undefined {
  return routeRules[`${method} ${url}`];
}

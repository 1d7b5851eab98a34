/**
 * Who may call each route: one line per route, keyed "METHOD /path" exactly as registered.
 * The auth plugin enforces these rules in front of every handler (agency routes refuse
 * outsiders with 404 and members without the role with 403, before the body is looked at), the
 * route walk test (server/test/integration/permissions.test.ts) calls every registered route as
 * six kinds of caller and fails for a route missing here, and docs/permissions.md is generated
 * from this table and permissions.ts.
 *
 * Adding a route: add its line below. For an agency route give the permission action and where
 * the agency comes from (`agencyFrom`); agency-gate.ts reads exactly that source, and the gate
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

const path = { param: 'agencyId' } as const;
const body = { body: 'agency_id' } as const;
const report = { record: 'report', param: 'reportId' } as const;
const spreadsheet = { record: 'spreadsheet', param: 'spreadsheetId' } as const;
const uploadJob = { record: 'upload_job', param: 'uploadJobId' } as const;

export const routeRules: Readonly<Record<string, RouteRule>> = {
  // Shell and session
  'GET /health': { access: 'public' },
  'GET /api/init': { access: 'public' },
  'GET /api/env': { access: 'public' },
  'GET /app_public_config.js': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'POST /auth/logout': { access: 'signed_in' },
  'POST /auth/logout-everywhere': { access: 'signed_in' },
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
  // Two-factor sign-in: the step after the password (carried by its sign-in token), and one's own settings
  'POST /auth/two-factor': { access: 'public' },
  'POST /auth/two-factor/enrolment': { access: 'public' },
  'POST /auth/two-factor/enrolment/confirm': { access: 'public' },
  'GET /api/users/two-factor': { access: 'signed_in' },
  'POST /api/users/two-factor/enrolment': { access: 'signed_in' },
  'POST /api/users/two-factor/enrolment/confirm': { access: 'signed_in' },
  'POST /api/users/two-factor/recovery-codes': { access: 'signed_in' },
  'DELETE /api/users/two-factor': { access: 'signed_in' },
  // The signed-in user
  'PUT /api/user_dropdown': { access: 'signed_in' },
  'PATCH /api/users': { access: 'signed_in' },
  'PUT /api/:userId/:agencyId/page_visit': { access: 'agency', action: 'membership.edit_own', agencyFrom: path },
  'PUT /api/agency/:agencyId/subscription/:userId': {
    access: 'agency',
    action: 'membership.edit_own',
    agencyFrom: path,
  },
  // Agencies and their teams
  'GET /api/agency/:agencyId': { access: 'agency', action: 'team.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/children': { access: 'agency', action: 'agency.view', agencyFrom: path },
  'PUT /api/agency/:agencyId/custom-name': { access: 'agency', action: 'agency.view', agencyFrom: path },
  'POST /api/agencies/:agencyId/users': { access: 'agency', action: 'team.invite', agencyFrom: path },
  'PATCH /api/agencies/:agencyId/users': { access: 'agency', action: 'team.manage', agencyFrom: path },
  'DELETE /api/agencies/:agencyId/users': { access: 'agency', action: 'team.manage', agencyFrom: path },
  // Agency settings (description, URL, definitions, jurisdictions, systems) and metric settings
  'GET /api/agencies/:agencyId': { access: 'agency', action: 'agency.view', agencyFrom: path },
  'PATCH /api/agencies/:agencyId': { access: 'agency', action: 'agency.edit', agencyFrom: path },
  'GET /api/agencies/:agencyId/metrics': { access: 'agency', action: 'metrics.view', agencyFrom: path },
  'PUT /api/agencies/:agencyId/metrics': { access: 'agency', action: 'metrics.edit', agencyFrom: path },
  'GET /api/geographies': { access: 'signed_in' },
  'GET /api/agencies/:agencyId/metrics/history': { access: 'agency', action: 'metrics.view', agencyFrom: path },
  // Home page and onboarding guidance
  'GET /api/home/:agencyId': { access: 'agency', action: 'reports.view', agencyFrom: path },
  // Completeness and timeliness: an agency's, its child agencies' (superagency), everyone's (staff)
  'GET /api/agencies/:agencyId/completeness': { access: 'agency', action: 'reports.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/completeness/csv': { access: 'agency', action: 'reports.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/children/completeness': { access: 'agency', action: 'reports.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/children/completeness/csv': {
    access: 'agency',
    action: 'reports.view',
    agencyFrom: path,
  },
  'GET /admin/completeness': { access: 'platform_admin' },
  'GET /admin/completeness/csv': { access: 'platform_admin' },
  'GET /api/users/agencies/:agencyId/guidance': { access: 'agency', action: 'membership.edit_own', agencyFrom: path },
  'PUT /api/users/agencies/:agencyId/guidance': { access: 'agency', action: 'membership.edit_own', agencyFrom: path },
  // Records and datapoints
  'GET /api/agencies/:agencyId/reports': { access: 'agency', action: 'reports.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/datapoints': { access: 'agency', action: 'reports.view', agencyFrom: path },
  'GET /api/reports': { access: 'agency', action: 'reports.view', agencyFrom: { query: 'agency_id' } },
  'POST /api/reports': { access: 'agency', action: 'reports.create', agencyFrom: body },
  'PATCH /api/reports': { access: 'agency', action: 'reports.publish', agencyFrom: body },
  'DELETE /api/reports': { access: 'agency', action: 'reports.delete', agencyFrom: body },
  'GET /api/reports/flags': { access: 'agency', action: 'reports.view', agencyFrom: { query: 'agency_id' } },
  'GET /api/reports/:reportId': { access: 'agency', action: 'reports.view', agencyFrom: report },
  'GET /api/reports/:reportId/history': { access: 'agency', action: 'reports.view', agencyFrom: report },
  'PATCH /api/reports/:reportId': { access: 'agency', action: 'reports.edit', agencyFrom: report },
  // Bulk upload
  'POST /api/spreadsheets': { access: 'agency', action: 'uploads.create', agencyFrom: { form: 'agency_id' } },
  'POST /api/ingest-spreadsheet': { access: 'drop_folder' },
  'GET /api/agencies/:agencyId/spreadsheets': { access: 'agency', action: 'uploads.view', agencyFrom: path },
  'GET /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.view', agencyFrom: spreadsheet },
  'PATCH /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.delete', agencyFrom: spreadsheet },
  'DELETE /api/spreadsheets/:spreadsheetId': { access: 'agency', action: 'uploads.delete', agencyFrom: spreadsheet },
  'GET /api/:spreadsheetId/bulk-upload-json': { access: 'agency', action: 'uploads.view', agencyFrom: spreadsheet },
  'GET /api/template/:agencyId/:system': { access: 'agency', action: 'uploads.view', agencyFrom: path },
  'GET /api/upload-jobs/:uploadJobId': { access: 'agency', action: 'uploads.view', agencyFrom: uploadJob },
  // Public dashboards and feeds (the members' feed holds drafts, so it is for members only)
  'GET /api/agencies': { access: 'public' },
  'GET /api/agencies/dashboard': { access: 'public' },
  'GET /api/agencies/:agencyId/published_data': { access: 'public' },
  'GET /api/v2/agencies/:agencyId/published_data': { access: 'public' },
  'GET /feed/:agencyId': { access: 'public' },
  'GET /api/public/agencies/:agencyId/releases': { access: 'public' },
  'GET /api/public/agencies/:agencyId/releases/:number': { access: 'public' },
  'GET /api/public/agencies/:agencyId/releases/:number/csv': { access: 'public' },
  'GET /api/public/changes': { access: 'public' },
  'GET /data.json': { access: 'public' },
  'GET /api/feed/:agencyId': { access: 'agency', action: 'reports.view', agencyFrom: path },
  // Personal API tokens
  'GET /api/agencies/:agencyId/api_tokens': { access: 'agency', action: 'api_tokens.manage', agencyFrom: path },
  'POST /api/agencies/:agencyId/api_tokens': { access: 'agency', action: 'api_tokens.manage', agencyFrom: path },
  'DELETE /api/agencies/:agencyId/api_tokens/:tokenId': {
    access: 'agency',
    action: 'api_tokens.manage',
    agencyFrom: path,
  },
  // Security events: an agency's admins see their agency's, staff everyone's
  'GET /api/agencies/:agencyId/security-events': { access: 'agency', action: 'security_events.view', agencyFrom: path },
  'GET /api/agencies/:agencyId/security-events/csv': {
    access: 'agency',
    action: 'security_events.view',
    agencyFrom: path,
  },
  'GET /admin/security-events': { access: 'platform_admin' },
  'GET /admin/security-events/csv': { access: 'platform_admin' },
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
  'PUT /admin/population': { access: 'platform_admin' },
};

export function ruleFor(method: string, url: string): RouteRule | undefined {
  return routeRules[`${method} ${url}`];
}

import { z } from 'zod';

export const agencyRoleSchema = z.enum(['AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);
export type AgencyRoleName = z.infer<typeof agencyRoleSchema>;

/** Roles an agency gives its members; JUSTICE_COUNTS_ADMIN is given by Justice Counts staff only. */
export const memberRoleSchema = z.enum(['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);
export type MemberRoleName = z.infer<typeof memberRoleSchema>;

/**
 * Everything a person may be allowed to do in an agency; the server's permission table
 * (domain/permissions.ts) says which roles may do each.
 */
export const agencyActionSchema = z.enum([
  'agency.view',
  'agency.edit',
  'agency.rename_children',
  'team.view',
  'team.invite',
  'team.manage',
  'membership.edit_own',
  'metrics.view',
  'metrics.edit',
  'reports.view',
  'reports.create',
  'reports.edit',
  'reports.publish',
  'reports.delete',
  'uploads.view',
  'uploads.create',
  'uploads.delete',
  'api_tokens.manage',
  'security_events.view',
]);
export type AgencyAction = z.infer<typeof agencyActionSchema>;

/**
 * What the signed-in person may do in one agency, computed by the server's permission table: the
 * web app offers an action only when this says so, and never works it out from the role.
 */
export const agencyAbilities = z.object({
  /** Each action of the permission table: true when the person may do it here. */
  can: z.record(agencyActionSchema, z.boolean()),
  /** The roles this person may give when inviting or changing a member (never above their own). */
  grantable_roles: z.array(memberRoleSchema),
});
export type AgencyAbilities = z.infer<typeof agencyAbilities>;

export const sessionAgency = z.object({
  id: z.number(),
  name: z.string(),
  systems: z.array(z.string()),
  role: agencyRoleSchema.nullable(),
  is_superagency: z.boolean(),
  super_agency_id: z.number().nullable(),
  /** Its public dashboard (/dashboards/:id) is on. */
  is_dashboard_enabled: z.boolean(),
  ...agencyAbilities.shape,
});

export const sessionUser = z.object({
  id: z.number(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  agencies: z.array(sessionAgency),
  /** The agency the person opened last (PUT …/page_visit), where sign-in lands; null before any. */
  last_agency_id: z.number().nullable(),
  /**
   * Justice Counts staff only: what they may do in an agency they are not a member of (they act
   * as Justice Counts admins everywhere); null for everyone else.
   */
  staff_abilities: agencyAbilities.nullable(),
});

/**
 * Segment analytics for the web app, when the operator configured it: where to fetch the source's
 * settings and send events, and the signed-in person as an opaque id (no name, email or user id).
 */
export const analyticsJson = z.object({
  write_key: z.string(),
  cdn_url: z.string(),
  api_url: z.string(),
  user_id: z.string().nullable(),
});
export type AnalyticsJson = z.infer<typeof analyticsJson>;

/** GET /api/init: the CSRF token for writes ('' when signed out), the environment, the user. */
export const initResponse = z.object({
  csrf: z.string(),
  env: z.string(),
  /**
   * The server's date (UTC, YYYY-MM-DD): the web app's calendar for which periods have ended, so
   * what it offers matches what the server accepts whatever the browser's clock says.
   */
  today: z.string(),
  user: sessionUser.nullable(),
  /** null: analytics is off, and the web app loads nothing for it. */
  analytics: analyticsJson.nullable(),
});
export type InitResponse = z.infer<typeof initResponse>;
export type SessionUser = z.infer<typeof sessionUser>;
export type SessionAgency = z.infer<typeof sessionAgency>;

/** POST /auth/logout-everywhere: how many sessions ended and API tokens were revoked. */
export const signedOutEverywhereResponse = z.object({ ended_sessions: z.number(), revoked_api_tokens: z.number() });
export type SignedOutEverywhereResponse = z.infer<typeof signedOutEverywhereResponse>;

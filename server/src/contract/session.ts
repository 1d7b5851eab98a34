import { z } from 'zod';

export const agencyRoleSchema = z.enum(['AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', 'CONTRIBUTOR', 'READ_ONLY']);
export type AgencyRoleName = z.infer<typeof agencyRoleSchema>;

export const sessionAgency = z.object({
  id: z.number(),
  name: z.string(),
  systems: z.array(z.string()),
  role: agencyRoleSchema.nullable(),
  is_superagency: z.boolean(),
  super_agency_id: z.number().nullable(),
  /** Its public dashboard (/dashboards/:id) is on. */
  is_dashboard_enabled: z.boolean(),
});

export const sessionUser = z.object({
  id: z.number(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  agencies: z.array(sessionAgency),
});

/** GET /api/init: the CSRF token for writes ('' when signed out), the environment, the user. */
export const initResponse = z.object({
  csrf: z.string(),
  env: z.string(),
  user: sessionUser.nullable(),
});
export type InitResponse = z.infer<typeof initResponse>;
export type SessionUser = z.infer<typeof sessionUser>;
export type SessionAgency = z.infer<typeof sessionAgency>;

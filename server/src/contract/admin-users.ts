/** The admin panel's user provisioning (02-http-api §2.10 routes 41–45, §3.6). */
import { z } from 'zod';
import { agencyFull } from './agencies.ts';
import { email, idParam, idValue, personName } from './common.ts';

/** Enough for every agency of a large state at once; the panel sends one user's list. */
export const MAX_AGENCY_IDS = 2000;
export const MAX_USERS_PER_SAVE = 50;

export const anyUserParams = z.object({ anyUserId: idParam });

/** The reference's AgencyNoTeam: an agency as in GET /api/agency/:id, with no team or settings. */
export const agencyNoTeam = agencyFull;
export type AgencyNoTeam = z.infer<typeof agencyNoTeam>;

export const adminUserSummary = z.object({
  id: z.number(),
  auth0_user_id: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Ours: Justice Counts staff, who may use this panel. */
  is_platform_admin: z.boolean(),
});
export type AdminUserSummary = z.infer<typeof adminUserSummary>;

export const adminUsersResponse = z.object({ users: z.array(adminUserSummary) });

export const adminUser = adminUserSummary.extend({ agencies: z.array(agencyNoTeam) });
export type AdminUser = z.infer<typeof adminUser>;

export const adminUserAgenciesResponse = z.object({ agencies: z.array(agencyNoTeam) });

export const saveUserItem = z.object({
  /** Absent or null creates the user. */
  user_account_id: idValue.nullish(),
  name: personName,
  email,
  agency_ids: z.array(idValue).max(MAX_AGENCY_IDS),
});
export type SaveUserItem = z.infer<typeof saveUserItem>;

export const saveUsersBody = z.object({ users: z.array(saveUserItem).min(1).max(MAX_USERS_PER_SAVE) });
export type SaveUsersBody = z.infer<typeof saveUsersBody>;

export const saveUsersResponse = z.object({ users: z.array(adminUser) });
export type SaveUsersResponse = z.infer<typeof saveUsersResponse>;

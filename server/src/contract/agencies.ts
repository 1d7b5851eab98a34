/** An agency with its team, its child agencies, and team management (02-http-api §2.1–§2.2, §3.6). */
import { z } from 'zod';
import { email, idParam, MAX_NAME_CHARS, personName, text } from './common.ts';
import { agencyRoleSchema, memberRoleSchema } from './session.ts';

export const agencyIdParams = z.object({ agencyId: idParam });

export const inviteMemberBody = z.object({
  invite_name: personName,
  invite_email: email,
  /** Optional; by default admins invite admins and contributors invite contributors. */
  invite_role: memberRoleSchema.optional(),
});
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;

export const changeMemberRoleBody = z.object({ email, role: agencyRoleSchema });
export type ChangeMemberRoleBody = z.infer<typeof changeMemberRoleBody>;

export const removeMemberBody = z.object({ email });
export type RemoveMemberBody = z.infer<typeof removeMemberBody>;

export const invitationStatusSchema = z.enum(['NOT_SENT', 'PENDING', 'ACCEPTED', 'ERRORED']);

export const teamMember = z.object({
  auth0_user_id: z.string().nullable(),
  email: z.string().nullable(),
  invitation_status: invitationStatusSchema.nullable(),
  name: z.string().nullable(),
  role: agencyRoleSchema.nullable(),
  user_account_id: z.number(),
  /** What the signed-in user may do to this member (an addition to the reference's shape). */
  can: z.object({ change_role: z.boolean(), remove: z.boolean() }),
  /** The roles the signed-in user may give this member; empty when they cannot change it. */
  grantable_roles: z.array(memberRoleSchema),
});
export type TeamMember = z.infer<typeof teamMember>;

/** The reference's AgencyFull: the agency with its settings and team. */
export const agencyFull = z.object({
  created_at: z.string().nullable(),
  custom_child_agency_name: z.string().nullable(),
  fips_county_code: z.string().nullable(),
  id: z.number(),
  is_dashboard_enabled: z.boolean().nullable(),
  is_stepping_up_agency: z.boolean().nullable(),
  is_superagency: z.boolean().nullable(),
  name: z.string(),
  settings: z.array(z.object({ setting_type: z.string(), value: z.unknown() })),
  state: z.string().nullable(),
  state_code: z.string().nullable(),
  super_agency_id: z.number().nullable(),
  systems: z.array(z.string()),
  team: z.array(teamMember),
});
export type AgencyFull = z.infer<typeof agencyFull>;

export const agencyWithTeamResponse = z.object({ id: z.number(), agencies: z.array(agencyFull) });
export type AgencyWithTeamResponse = z.infer<typeof agencyWithTeamResponse>;

export const agencySimple = z.object({
  id: z.number(),
  name: z.string(),
  custom_child_agency_name: z.string().nullable(),
  systems: z.array(z.string()),
});
export type AgencySimple = z.infer<typeof agencySimple>;

export const childAgenciesResponse = z.object({ child_agencies: z.array(agencySimple) });

export const customNameBody = z.object({
  custom_child_agency_name: text.max(MAX_NAME_CHARS).nullable(),
});

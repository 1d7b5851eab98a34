/** The admin panel's agency provisioning (02-http-api §2.10 routes 46–51). */
import { z } from 'zod';
import { AGENCY_SYSTEMS } from '@jc/catalogue';
import { agencyFull, teamMember } from './agencies.ts';
import { agencyDescription, homepageUrl } from './agency-settings.ts';
import { agencyNoTeam, MAX_AGENCY_IDS } from './admin-users.ts';
import { idParam, idValue, MAX_NAME_CHARS, requiredName, text } from './common.ts';
import { agencyRoleSchema } from './session.ts';

export const MAX_TEAM_SIZE = 2000;
export const MAX_METRIC_KEYS = 500;

export const anyAgencyParams = z.object({ anyAgencyId: idParam });

/** What the overview adds to each agency: its children, homepage and description. */
const adminAgencyExtras = {
  child_agency_ids: z.array(z.number()),
  agency_url: z.string().nullable(),
  agency_description: z.string().nullable(),
};

export const adminAgencySummary = agencyNoTeam.extend(adminAgencyExtras);
export type AdminAgencySummary = z.infer<typeof adminAgencySummary>;

export const adminAgenciesResponse = z.object({
  agencies: z.array(adminAgencySummary),
  /** The systems an agency may report for (SUPERAGENCY comes with the superagency flag). */
  systems: z.array(z.string()),
});
export type AdminAgenciesResponse = z.infer<typeof adminAgenciesResponse>;

export const adminTeamResponse = z.object({ team: z.array(teamMember) });

export const adminAgencyMetric = z.object({ key: z.string(), name: z.string(), sector: z.string() });
export const adminAgencyResponse = z.object({ agency: agencyNoTeam, metrics: z.array(adminAgencyMetric) });
export type AdminAgencyResponse = z.infer<typeof adminAgencyResponse>;

const systemName = text
  .trim()
  .toUpperCase()
  .pipe(z.enum(['SUPERAGENCY', ...AGENCY_SYSTEMS]));

export const saveAgencyBody = z.object({
  /** Null or absent creates the agency. */
  agency_id: idValue.nullish(),
  name: requiredName,
  state_code: text.trim().max(16),
  systems: z.array(systemName).max(AGENCY_SYSTEMS.length + 1),
  super_agency_id: idValue.nullable(),
  is_superagency: z.boolean(),
  is_dashboard_enabled: z.boolean().nullable(),
  is_stepping_up_agency: z.boolean().nullish(),
  fips_county_code: text.trim().max(MAX_NAME_CHARS).nullish(),
  child_agency_ids: z.array(idValue).max(MAX_AGENCY_IDS).optional(),
  agency_description: agencyDescription.nullish(),
  agency_url: homepageUrl.nullish(),
  team: z
    .array(z.object({ user_account_id: idValue, role: agencyRoleSchema.nullable() }))
    .max(MAX_TEAM_SIZE)
    .optional(),
});
/** What a client sends (systems in any case). */
export type SaveAgencyBody = z.input<typeof saveAgencyBody>;

export const saveAgencyResponse = agencyFull.extend(adminAgencyExtras);
export type SaveAgencyResponse = z.infer<typeof saveAgencyResponse>;

export const superAgencyParams = z.object({ superAgencyId: idParam });

export const copyToChildrenBody = z.object({
  /** Kept for the reference's clients; the copy runs at once and its result is the answer. */
  agency_name: text.max(MAX_NAME_CHARS).optional(),
  user_email: text.max(MAX_NAME_CHARS).optional(),
  /** Metric keys, or ["ALL"] for every metric the superagency has configured. */
  metric_definition_key_subset: z.array(text.trim().min(1).max(100)).min(1).max(MAX_METRIC_KEYS),
  /** Child agency ids as strings (the reference joins them with commas); absent: every child. */
  child_agency_id_subset: z
    .array(
      z.union([
        idValue,
        z
          .string()
          .regex(/^\d{1,10}$/, 'must be an agency id')
          .transform(Number),
      ]),
    )
    .max(MAX_AGENCY_IDS)
    .optional(),
});
export type CopyToChildrenBody = z.input<typeof copyToChildrenBody>;

export const copyToChildrenResponse = z.object({
  status: z.literal('ok'),
  status_code: z.literal(200),
  /** Ours: what was copied, per child agency. */
  copied: z.array(
    z.object({
      agency_id: z.number(),
      agency_name: z.string(),
      metric_keys: z.array(z.string()),
      /** Metrics the child does not report (another sector) or the superagency never configured. */
      skipped_metric_keys: z.array(z.string()),
    }),
  ),
});
export type CopyToChildrenResponse = z.infer<typeof copyToChildrenResponse>;

/**
 * Completeness and timeliness (issue 18 item 4): an agency's periods, a superagency's children and,
 * for Justice Counts staff, participation across every agency. Counts are of switched-on metrics:
 * `expected` owed, `reported` with a total entered, `published` with a total on a published record.
 */
import { z } from 'zod';
import { count } from './common.ts';

const frequency = z.enum(['MONTHLY', 'ANNUAL']);

export const completenessSummarySchema = z.object({
  expected: count,
  reported: count,
  published: count,
  /** reported / expected, 0–1; null when nothing is owed. */
  share_reported: z.number().min(0).max(1).nullable(),
  share_published: z.number().min(0).max(1).nullable(),
  /** Median days from a period's last day to its record's publish date, over published periods. */
  median_days_to_publish: z.number().min(0).nullable(),
});
export type CompletenessSummaryJson = z.infer<typeof completenessSummarySchema>;

const periodFields = {
  frequency,
  /** ISO dates; `end` is exclusive, as on records. */
  start: z.string(),
  end: z.string(),
  /** "March 2026", "calendar year 2025", "fiscal year July 2024 to June 2025". */
  label: z.string(),
};

export const agencyCompletenessResponse = z.object({
  agency_id: z.number(),
  agency_name: z.string(),
  summary: completenessSummarySchema,
  /** The last 12 months (monthly metrics) and 3 years (annual metrics) that have ended, newest first. */
  periods: z.array(
    z.object({
      ...periodFields,
      summary: completenessSummarySchema,
      /** Days from the period's last day to its record's `publish_date`; null when not published. */
      days_to_publish: z.number().int().min(0).nullable(),
      /** Names of the switched-on metrics with no total for the period. */
      missing: z.array(z.string()),
    }),
  ),
});
export type AgencyCompletenessResponse = z.infer<typeof agencyCompletenessResponse>;

const agencyFields = {
  agency_id: z.number(),
  name: z.string(),
  systems: z.array(z.string()),
};

export const superagencyCompletenessResponse = z.object({
  agency_id: z.number(),
  agency_name: z.string(),
  /** All child agencies together. */
  summary: completenessSummarySchema,
  children: z.array(z.object({ ...agencyFields, summary: completenessSummarySchema })),
  /** The children together, period by period, newest first. */
  periods: z.array(z.object({ ...periodFields, agencies: count, summary: completenessSummarySchema })),
});
export type SuperagencyCompletenessResponse = z.infer<typeof superagencyCompletenessResponse>;

const participationGroup = {
  agencies: count,
  /** Agencies with at least one switched-on metric reported in the window. */
  reporting_agencies: count,
  summary: completenessSummarySchema,
};

export const staffCompletenessResponse = z.object({
  summary: completenessSummarySchema,
  agencies: z.array(
    z.object({
      ...agencyFields,
      state_code: z.string().nullable(),
      /** The county's five-digit FIPS code and name, when the agency names its county. */
      county_fips: z.string().nullable(),
      county_name: z.string().nullable(),
      is_reporting: z.boolean(),
      summary: completenessSummarySchema,
    }),
  ),
  /** `state_fips`: the two-digit FIPS code, null for a code that is not a US state or territory. */
  states: z.array(
    z.object({
      state_code: z.string(),
      state_name: z.string(),
      state_fips: z.string().nullable(),
      ...participationGroup,
    }),
  ),
  counties: z.array(z.object({ county_fips: z.string(), county_name: z.string(), ...participationGroup })),
  sectors: z.array(z.object({ sector: z.string(), sector_name: z.string(), ...participationGroup })),
});
export type StaffCompletenessResponse = z.infer<typeof staffCompletenessResponse>;

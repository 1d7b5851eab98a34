/**
 * GET /api/v2/agencies/:id/published_data (02-http-api §2.8 route 35): the newer dashboard shape.
 * The agency says where it is; metrics carry their sector and reporting agency, use the dashboard's
 * metric keys, and leave out what only the Publisher needs; datapoints are slim.
 */
import { z } from 'zod';
import { dimensionJson, disaggregationJson, metricSettingJson } from './metric-settings.ts';
import { dataNotesJson } from './public-data.ts';
import { reportFrequencySchema } from './reports.ts';

export const METHODOLOGY_URL = 'https://justicecounts.csgjusticecenter.org/methodology';

export const slimDatapointJson = z.object({
  id: z.number(),
  /** RFC 1123 dates; end is exclusive. */
  start_date: z.string(),
  end_date: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  frequency: reportFrequencySchema,
  /** Breakdown values only. */
  disaggregation_display_name: z.string().optional(),
  dimension_display_name: z.string().optional(),
});
export type SlimDatapointJson = z.infer<typeof slimDatapointJson>;

const datapoints = z.array(slimDatapointJson).nullable();
const byYear = z.record(z.string(), z.number());

export const publicAgencyV2Json = z.object({
  id: z.number(),
  name: z.string(),
  settings: z.array(z.object({ setting_type: z.string(), value: z.unknown() })),
  sectors: z.array(z.string()),
  is_v0_dashboard_enabled: z.boolean(),
  state_name: z.string().nullable(),
  state_abbreviation: z.string().nullable(),
  methodology: z.string(),
  state_geoid: z.string().nullable(),
  county_geoid: z.string().nullable(),
  county_name: z.string().nullable(),
  jurisdictions: z.object({ included: z.array(z.string()), excluded: z.array(z.string()) }),
  /** Group → year → people, in the places the agency serves; {} without Census figures. */
  population: z.object({
    /** Ours: everyone, by year, as the agency or Justice Counts staff gave it; {} without any. */
    total: byYear,
    race_and_ethnicity: z.record(z.string(), byYear).optional(),
    biological_sex: z.record(z.string(), byYear).optional(),
  }),
});

/** Race groups as the dashboard shows them (Hispanic or Latino as one, others by race): totals per period. */
const consolidatedRaceEthnicity = z.object({
  descriptions: z.record(z.string(), z.string().nullable()),
  /** Period start (RFC 1123) → group → total. */
  data: z.record(z.string(), z.record(z.string(), z.number())),
});

const dimensionV2Json = dimensionJson.omit({ datapoints: true }).extend({ datapoints });
const disaggregationV2Json = disaggregationJson
  .omit({ helper_text: true, required: true, should_sum_to_total: true, contexts: true, dimensions: true })
  .extend({ dimensions: z.array(dimensionV2Json), consolidated_race_ethnicity: consolidatedRaceEthnicity.optional() });

export const publishedMetricV2Json = metricSettingJson
  .omit({ system: true, reporting_note: true, value: true, filenames: true, label: true, datapoints: true })
  .extend({
    sector: z.string(),
    is_self_reported: z.boolean().nullable(),
    reporting_agency_id: z.number().nullable(),
    reporting_agency_name: z.string().nullable(),
    reporting_agency_url: z.string().nullable(),
    reporting_agency_category: z.enum(['SUPER_AGENCY', 'VENDOR']).nullable(),
    additional_description: z.string().nullable(),
    datapoints,
    /** The agency's explanations of flagged figures, as in the v1 payload (an addition to the reference). */
    data_notes: dataNotesJson,
    disaggregations: z.array(disaggregationV2Json),
  });
export type PublishedMetricV2Json = z.infer<typeof publishedMetricV2Json>;

export const publishedDataV2Response = z.object({
  agency: publicAgencyV2Json,
  metrics: z.array(publishedMetricV2Json),
});
export type PublishedDataV2Response = z.infer<typeof publishedDataV2Response>;

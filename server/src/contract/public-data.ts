/**
 * The public side (02-http-api §2.8–§2.9, §3.8): agency dashboards' data, the list of agencies
 * with a dashboard, and the CSV feeds' query. Nothing here needs a sign-in except /api/feed.
 */
import { SYSTEMS } from '@jc/catalogue';
import { z } from 'zod';
import { datapointFullSchema } from './datapoints.ts';
import { idParam } from './common.ts';
import { dimensionJson, disaggregationJson, metricSettingJson } from './metric-settings.ts';
import { populationByYear } from './population.ts';

const got = (input: unknown) => (typeof input === 'string' ? `"${input.slice(0, 60)}"` : JSON.stringify(input));

export const publicAgencyParams = z.object({ agencyId: idParam });

/** `?system=PRISONS&metric=admissions_by_type`; both optional (without a metric: the list of files). */
export const feedQuery = z.object({
  system: z
    .string({ error: (issue) => `must be one sector name (got ${got(issue.input)})` })
    .trim()
    .toUpperCase()
    .pipe(z.enum(SYSTEMS, { error: (issue) => `must be one of ${SYSTEMS.join(', ')} (got ${got(issue.input)})` }))
    .optional(),
  metric: z
    .string({ error: (issue) => `must be one file name such as "arrests_by_type" (got ${got(issue.input)})` })
    .trim()
    .regex(/^[a-z0-9_]{1,100}$/, {
      error: (issue) => `must be a file name of lower-case letters, digits and "_" (got ${got(issue.input)})`,
    })
    .optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

/** The reference's public projection of an agency: only the description and website settings. */
export const publicAgencyJson = z.object({
  id: z.number(),
  is_dashboard_enabled: z.boolean(),
  name: z.string(),
  settings: z.array(z.object({ setting_type: z.string(), value: z.unknown() })),
  systems: z.array(z.string()),
  /** Ours: people in the jurisdiction by year ("2024" → people), as the agency gave them; {} without any. */
  population: z.object({ total: populationByYear }),
});
export type PublicAgencyJson = z.infer<typeof publicAgencyJson>;

const datapoints = z.array(datapointFullSchema).nullable();

export const dataNotesJson = z.array(z.object({ start_date: z.string(), end_date: z.string(), note: z.string() }));

/** A metric as on the METRICS_TAB, with its public values: totals here, breakdown values under their member. */
export const publishedMetricJson = metricSettingJson.extend({
  datapoints,
  /** The agency's explanations of flagged figures, published with them (an addition to the reference). */
  data_notes: dataNotesJson,
  disaggregations: z.array(disaggregationJson.extend({ dimensions: z.array(dimensionJson.extend({ datapoints })) })),
});
export type PublishedMetricJson = z.infer<typeof publishedMetricJson>;

export const publishedDataResponse = z.object({ agency: publicAgencyJson, metrics: z.array(publishedMetricJson) });
export type PublishedDataResponse = z.infer<typeof publishedDataResponse>;

export const publicAgenciesResponse = z.object({
  agencies: z.array(z.object({ id: z.number(), name: z.string(), number_of_published_records: z.number() })),
});
export type PublicAgenciesResponse = z.infer<typeof publicAgenciesResponse>;

export const dashboardAgencyJson = z.object({
  id: z.number(),
  name: z.string(),
  /** Sectors with at least one metric to show. */
  available_sectors: z.array(z.string()),
  /** Metrics with at least one public value (v2 keys). */
  available_metric_keys: z.array(z.string()),
  /** Metric (v2 key) → breakdown identifier → member NAMEs with a public value. */
  available_disaggregations: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  is_dashboard_enabled: z.boolean(),
  is_demo: z.boolean(),
  state_geoid: z.string().nullable(),
  county_geoid: z.string().nullable(),
  state_name: z.string().nullable(),
  county_name: z.string().nullable(),
});
export type DashboardAgencyJson = z.infer<typeof dashboardAgencyJson>;
export const dashboardAgenciesResponse = z.array(dashboardAgencyJson);

/** Datapoints as the charts and review tables read them (`DatapointFull` of the reference). */
import { z } from 'zod';
import { reportFrequencySchema, reportOverviewSchema } from './reports.ts';

export const datapointFullSchema = z.object({
  id: z.number(),
  report_id: z.number(),
  agency_name: z.string().nullable(),
  /** RFC 1123 dates; end is exclusive. */
  start_date: z.string(),
  end_date: z.string(),
  frequency: reportFrequencySchema,
  metric_definition_key: z.string(),
  metric_display_name: z.string().nullable(),
  /** The breakdown's name, e.g. "Offense Type"; null for totals. */
  disaggregation_display_name: z.string().nullable(),
  /** The member's display value, e.g. "Drug Offenses"; null for totals. */
  dimension_display_name: z.string().nullable(),
  sub_dimension_name: z.string().nullable(),
  value: z.union([z.number(), z.string()]).nullable(),
  old_value: z.union([z.number(), z.string()]).nullable(),
  is_published: z.boolean(),
});
export type DatapointFull = z.infer<typeof datapointFullSchema>;

export const agencyDatapointsResponse = z.object({
  datapoints: z.array(datapointFullSchema),
  /** Metric key → breakdown name → member display values, for every metric of the agency's systems. */
  dimension_names_by_metric_and_disaggregation: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
});
export type AgencyDatapoints = z.infer<typeof agencyDatapointsResponse>;

/** `GET /api/reports?agency_id=&report_ids=`: records with their datapoints, for the review pages. */
export const reportsWithDatapointsResponse = z.array(
  reportOverviewSchema.extend({ datapoints: z.array(datapointFullSchema) }),
);
export type ReportWithDatapoints = z.infer<typeof reportsWithDatapointsResponse>[number];

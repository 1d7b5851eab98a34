/** `GET /api/reports/:id`: a record with its metrics in the reference's REPORT_PAGE form. */
import { z } from 'zod';
import { metricSummaryJson } from './metric-settings.ts';
import { reportOverviewSchema } from './reports.ts';

const storedValue = z.union([z.number(), z.string()]).nullable();

export const reportMetricContext = z.object({
  key: z.string(),
  display_name: z.string().nullable(),
  value: z.string().nullable(),
});

export const reportDimension = z.object({
  /** The member's display value: the key to send back in PATCH. */
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  /** null: not configured; false: switched off by the agency. */
  enabled: z.boolean().nullable(),
  value: storedValue,
  datapoints: z.null(),
  contexts: z.array(z.object({ key: z.string(), label: z.string().nullable(), value: z.string().nullable() })),
  /** Custom sub-categories with values on this record (title-cased). */
  sub_dimensions: z.array(z.object({ display_name: z.string(), value: storedValue, enabled: z.boolean().nullable() })),
  race: z.string().optional(),
  ethnicity: z.string().optional(),
});
export type ReportDimension = z.infer<typeof reportDimension>;

export const reportDisaggregation = z.object({
  key: z.string(),
  display_name: z.string(),
  enabled: z.boolean().nullable(),
  required: z.boolean(),
  should_sum_to_total: z.boolean(),
  helper_text: z.string().nullable(),
  is_breakdown_configured: z.string().nullable(),
  contexts: z.array(reportMetricContext),
  dimensions: z.array(reportDimension),
});
export type ReportDisaggregation = z.infer<typeof reportDisaggregation>;

export const reportMetric = metricSummaryJson.extend({
  value: storedValue,
  contexts: z.array(reportMetricContext),
  disaggregations: z.array(reportDisaggregation),
  includes_excludes: z.array(z.never()),
  is_includes_excludes_configured: z.string().nullable(),
});
export type ReportMetric = z.infer<typeof reportMetric>;

export const reportPageSchema = reportOverviewSchema.extend({ metrics: z.array(reportMetric) });
export type ReportPage = z.infer<typeof reportPageSchema>;

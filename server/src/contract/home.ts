/** `GET /api/home/:agencyId`: everything the Home page's task cards and child-agency table read. */
import { z } from 'zod';
import { text } from './common.ts';
import { agencySimple } from './agencies.ts';
import { metricSettingJson } from './metric-settings.ts';
import { reportPageSchema } from './report-page.ts';

export const homeResponse = z.object({
  /** Every metric of the agency's sectors with its settings, as GET /api/agencies/:id/metrics has them. */
  agency_metrics: z.array(metricSettingJson),
  /** The latest monthly record with its metrics and values, or `{}` when the agency has none. */
  monthly_report: z.union([reportPageSchema, z.strictObject({})]),
  /** Starting month ("1"–"12") → the latest annual record starting in that month. */
  annual_reports: z.record(z.string(), reportPageSchema),
  /** A superagency's child agencies; empty for every other agency. */
  child_agencies: z.array(agencySimple),
  /**
   * Per child agency, the metrics it counts differently from the Justice Counts definition, so the
   * table can warn that their figures are not directly comparable (an addition to the reference).
   */
  child_definitions: z.array(
    z.object({
      agency_id: z.number(),
      differing_metrics: z.array(z.object({ key: z.string(), display_name: z.string() })),
    }),
  ),
});
export type HomeResponse = z.infer<typeof homeResponse>;

/** Onboarding guidance: topics in the order stored, each done or not. */
export const guidanceTopicSchema = z.object({
  topicID: text.trim().min(1, 'must not be empty').max(64),
  topicCompleted: z.boolean(),
});
export const guidanceProgressResponse = z.object({ guidance_progress: z.array(guidanceTopicSchema) });
export type GuidanceProgressResponse = z.infer<typeof guidanceProgressResponse>;

export const updateGuidanceBody = z.object({ updated_topic: guidanceTopicSchema });
export type UpdateGuidanceBody = z.infer<typeof updateGuidanceBody>;

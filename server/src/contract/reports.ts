/** Records (reports): request bodies and response shapes of /api/reports and /api/agencies/:id/reports. */
import { z } from 'zod';
import { text } from './common.ts';
import { MAX_CONTEXT_CHARS } from './metric-settings.ts';
import { agencyRoleSchema } from './session.ts';

export const REPORT_STATUSES = ['NOT_STARTED', 'DRAFT', 'PUBLISHED'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatusName = z.infer<typeof reportStatusSchema>;
export const reportFrequencySchema = z.enum(['MONTHLY', 'ANNUAL']);

/** Most records one bulk action may touch. */
export const MAX_BULK_REPORTS = 1000;

const recordId = z.number().int().positive().max(2_147_483_647);
const reportIds = z.array(recordId).min(1, 'list at least one record').max(MAX_BULK_REPORTS);
/** Epoch seconds: a record's `last_modified_at_timestamp` as the caller loaded it (0 if never saved). */
const timeLoaded = z.number().nonnegative();
/**
 * The records of a bulk action, each with the version the caller loaded. Listed as optional so
 * that a request without it is answered 428 version_required (not a generic 400); it is required.
 */
const recordVersions = z
  .array(z.object({ id: recordId, time_loaded: timeLoaded }))
  .min(1, 'list at least one record')
  .max(MAX_BULK_REPORTS)
  .optional();

export const editorSchema = z.object({ name: z.string(), role: agencyRoleSchema.nullable() });
export type Editor = z.infer<typeof editorSchema>;

/** `ReportOverview` of the reference, plus the ISO period dates (end exclusive). */
export const reportOverviewSchema = z.object({
  id: z.number(),
  agency_id: z.number(),
  agency_name: z.string().nullable(),
  editors: z.array(editorSchema),
  frequency: reportFrequencySchema,
  is_recurring: z.boolean(),
  /** RFC 1123, e.g. "Mon, 01 Jan 2024 00:00:00 GMT". */
  last_modified_at: z.string().nullable(),
  /** Epoch seconds with milliseconds: the version to send back as `time_loaded`. */
  last_modified_at_timestamp: z.number().nullable(),
  month: z.number(),
  year: z.number(),
  publish_date: z.string().nullable(),
  status: reportStatusSchema,
  date_range_start: z.string(),
  date_range_end: z.string(),
});
export type ReportOverview = z.infer<typeof reportOverviewSchema>;

export const createReportBody = z.object({
  agency_id: recordId,
  frequency: reportFrequencySchema,
  /** For fiscal years (ANNUAL, month ≠ 1): the year the record ends. */
  year: z.number().int(),
  /** MONTHLY: the month; ANNUAL: the first month of the year (1 = calendar year). */
  month: z.number().int(),
});
export type CreateReportBody = z.infer<typeof createReportBody>;

export const reportMetricUpdate = z.object({
  key: text.max(255),
  /** The total; null clears it, absent leaves it as it is. */
  value: z.number().nullable().optional(),
  contexts: z
    .array(z.object({ key: text.max(64), value: text.max(MAX_CONTEXT_CHARS).nullable() }))
    .max(20)
    .optional(),
  disaggregations: z
    .array(
      z.object({
        /** Dimension identifier, e.g. `metric/offense/type`. */
        key: text.max(255),
        /** Members by display value, or "<member> - <custom label>"; null clears. */
        dimensions: z.array(z.object({ key: text.max(300), value: z.number().nullable() })).max(100),
      }),
    )
    .max(20)
    .optional(),
});
export type ReportMetricUpdate = z.infer<typeof reportMetricUpdate>;

/** Longest explanation of a flagged value: a short data note, not a report. */
export const MAX_EXPLANATION_CHARS = 1000;

/** An explanation of one flag (`flag` is the flag's key from GET /api/reports/flags). */
const flagExplanation = z.object({
  flag: text.max(600),
  text: text
    .trim()
    .min(1, 'write a short explanation of the flagged value')
    .max(MAX_EXPLANATION_CHARS, `keep the explanation under ${MAX_EXPLANATION_CHARS} characters`),
});

export const updateReportBody = z.object({
  status: reportStatusSchema,
  /**
   * The version the client loaded (its `last_modified_at_timestamp`). Required: without it the save
   * is refused with 428 version_required, and a later change answers 409 version_conflict.
   */
  time_loaded: timeLoaded.optional(),
  metrics: z.array(reportMetricUpdate).max(300).default([]),
  /** When this save publishes the record: an explanation of each flagged value not yet explained. */
  explanations: z.array(flagExplanation).max(1000).default([]),
});
export type UpdateReportBody = z.input<typeof updateReportBody>;

export const updateReportStatusesBody = z.object({
  agency_id: recordId,
  reports: recordVersions,
  status: reportStatusSchema,
  /** When publishing: an explanation of each flagged value not yet explained, naming its record. */
  explanations: z
    .array(flagExplanation.extend({ report_id: recordId }))
    .max(5000)
    .default([]),
});
export type UpdateReportStatusesBody = z.input<typeof updateReportStatusesBody>;

/** A value that publishing would need explained (checks before publishing, docs/operations.md). */
export const publishFlagSchema = z.object({
  report_id: z.number(),
  /** Names the flag within its record; send it back with the explanation. */
  flag: z.string(),
  kind: z.enum(['unusual', 'breakdown_sum', 'unknown_share']),
  metric_key: z.string(),
  /** What is unusual, in a sentence for the agency's analysts. */
  sentence: z.string(),
  /** The explanation stored for this flag as it reads now, published as a data note; null: none yet. */
  explanation: z.string().nullable(),
});
export type PublishFlagJson = z.infer<typeof publishFlagSchema>;
export const publishFlagsResponse = z.object({ flags: z.array(publishFlagSchema) });
export type PublishFlagsResponse = z.infer<typeof publishFlagsResponse>;

export const deleteReportsBody = z.object({ agency_id: recordId, reports: recordVersions });
export type DeleteReportsBody = z.infer<typeof deleteReportsBody>;

/** `?report_ids=1,2,3`: comma-separated record ids. */
export const reportIdList = z
  .string()
  .max(12_000)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map(Number),
  )
  .pipe(reportIds);

/** One change of one value, or its first entry, for the per-metric history view. */
export const historyEntrySchema = z.object({
  datapoint_id: z.number(),
  metric_key: z.string(),
  disaggregation_display_name: z.string().nullable(),
  dimension_display_name: z.string().nullable(),
  sub_dimension_name: z.string().nullable(),
  context_key: z.string().nullable(),
  old_value: z.union([z.number(), z.string()]).nullable(),
  new_value: z.union([z.number(), z.string()]).nullable(),
  old_upload_method: z.string().nullable(),
  new_upload_method: z.string().nullable(),
  /** Who made the change; null for the system. */
  user: editorSchema.nullable(),
  /** ISO 8601. */
  timestamp: z.string(),
  /**
   * The value's first entry (blank → value), read from the datapoint, not a stored change. With
   * `new_upload_method` null it predates first-entry records: who entered it is not known.
   */
  first_entry: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const reportHistoryResponse = z.object({ history: z.array(historyEntrySchema) });

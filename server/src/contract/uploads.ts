/** Bulk upload: limits, the upload form, the upload result, spreadsheet records and templates. */
import { SYSTEMS } from '@jc/catalogue';
import { z } from 'zod';
import { count, idParam, MAX_NAME_CHARS, text } from './common.ts';
import { datapointFullSchema } from './datapoints.ts';
import { metricSummaryJson } from './metric-settings.ts';
import { reportOverviewSchema } from './reports.ts';
import { agencyRoleSchema } from './session.ts';

/**
 * Limits on one uploaded file. Ten years of monthly data for every metric and breakdown of a sector
 * stay far below them; a hostile or broken file is refused before it can use much memory, disk or
 * time. The README documents the same numbers.
 */
export const UPLOAD_LIMITS = {
  /** Size of the uploaded file itself. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Data rows over all sheets (header rows not counted). */
  maxRows: 500_000,
  /** Columns read per sheet. */
  maxColumns: 64,
  /** Sheets in a workbook. */
  maxSheets: 400,
  /** Characters kept of one cell. */
  maxCellChars: 2_000,
  /** Files inside the .xlsx zip container. */
  maxZipEntries: 2_000,
  /** Sum of the uncompressed sizes of every file inside the .xlsx container. */
  maxUncompressedBytes: 400 * 1024 * 1024,
  /** Uncompressed / compressed size of one large file inside the container (zip-bomb guard). */
  maxCompressionRatio: 200,
  /** Uncompressed size of the workbook's shared strings (the texts cells refer to), all held while reading. */
  maxSharedStringsBytes: 32 * 1024 * 1024,
  /**
   * Memory one sheet's cells may take while it is checked (estimated as they are read): enough for
   * an honest CSV of `maxRows` six-column rows, about 240 bytes a row.
   */
  maxSheetCellBytes: 128 * 1024 * 1024,
} as const;

export const UPLOAD_EXTENSIONS = ['xlsx', 'csv'] as const;

export const spreadsheetStatusSchema = z.enum(['UPLOADED', 'INGESTED', 'ERRORED']);
export type SpreadsheetStatus = z.infer<typeof spreadsheetStatusSchema>;
export const systemNameSchema = z.enum(SYSTEMS as unknown as [string, ...string[]]);

/** The text fields of the multipart upload form (the file itself is the `file` part). */
export const uploadFormFields = z.object({
  agency_id: idParam,
  system: text.trim().min(1, 'choose the sector the file is for').max(64),
  /** Sent by the reference's web app; the server uses the file's own name. */
  name: text.max(MAX_NAME_CHARS).optional(),
  ingest_on_upload: text.max(16).optional(),
});
export type UploadFormFields = z.infer<typeof uploadFormFields>;

export const spreadsheetParams = z.object({ spreadsheetId: idParam });
export const agencySpreadsheetsParams = z.object({ agencyId: idParam });
export const updateSpreadsheetBody = z.object({ status: spreadsheetStatusSchema });

/** `POST /api/ingest-spreadsheet`: a file in the drop folder, `<agency id>/[<SECTOR>/]<file name>`. */
export const ingestSpreadsheetBody = z.object({
  file: text.min(1, 'name the file, such as 12/arrests.xlsx').max(1024),
});

const booleanFlag = z
  .enum(['true', 'false', 'True', 'False', '1', '0'])
  .optional()
  .transform((flag) => flag === 'true' || flag === 'True' || flag === '1');
export const templateParams = z.object({ agencyId: idParam, system: text.trim().max(64) });
export const templateQuery = z.object({ singlePage: booleanFlag, isGeneric: booleanFlag });

export const uploadMessageSchema = z.object({
  type: z.enum(['ERROR', 'WARNING']),
  title: z.string(),
  subtitle: z.string().nullable(),
  description: z.string(),
});
export type UploadMessageWire = z.infer<typeof uploadMessageSchema>;

/** The metric as Set Up Metrics names it (`enabled`: the agency's setting, null when never configured), with its messages and values. */
export const uploadMetricSchema = metricSummaryJson.pick({ key: true, display_name: true, enabled: true }).extend({
  metric_errors: z.array(
    z.object({
      /** "Arrests By Type"; null for messages about the whole metric. */
      display_name: z.string().nullable(),
      /** Canonical sheet name; "" for messages about the whole metric. */
      sheet_name: z.string(),
      messages: z.array(uploadMessageSchema),
    }),
  ),
  datapoints: z.array(datapointFullSchema),
});
export type UploadMetric = z.infer<typeof uploadMetricSchema>;

/** What an upload wrote, counted: the result's headline. */
export const uploadSummarySchema = z.object({
  /** Rows whose figure is now stored (new, changed, or the same as before). */
  rows_saved: count,
  /** Rows with a blank value: no figure, skipped without an error. */
  rows_blank: count,
  /** Rows left out because of a problem the messages describe. */
  rows_skipped: count,
  records_created: count,
  records_changed: count,
  /** Changed records that had been published and are drafts again. */
  records_unpublished: count,
  errors: count,
  warnings: count,
});
export type UploadSummaryWire = z.infer<typeof uploadSummarySchema>;

/** `BulkUploadResponse` of the reference, plus the spreadsheet's id and a summary of what was written. */
export const uploadResultSchema = z.object({
  spreadsheet_id: z.number(),
  summary: uploadSummarySchema,
  file_name: z.string(),
  system: z.string(),
  metrics: z.array(uploadMetricSchema),
  non_metric_errors: z.array(uploadMessageSchema),
  new_reports: z.array(reportOverviewSchema),
  updated_reports: z.array(reportOverviewSchema),
  unchanged_reports: z.array(reportOverviewSchema),
});
export type UploadResultWire = z.infer<typeof uploadResultSchema>;

/** `SpreadsheetSummary`: one uploaded file in the list. Times are epoch milliseconds. */
export const spreadsheetSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  uploaded_at: z.number(),
  uploaded_by_v2: z.object({ name: z.string(), role: agencyRoleSchema.nullable() }),
  ingested_at: z.number().nullable(),
  status: spreadsheetStatusSchema,
  system: z.string(),
  num_new_datapoints: count.nullable(),
});
export type SpreadsheetSummary = z.infer<typeof spreadsheetSummarySchema>;

/**
 * An upload taken with `Prefer: respond-async`: where it stands. `percent` counts reading as the
 * first half and writing as the second; `rows_to_write` is known once the file is read. A DONE
 * upload's result is at GET /api/:spreadsheet_id/bulk-upload-json; a FAILED one says why, and
 * nothing from its file was saved.
 */
export const uploadJobSchema = z.object({
  id: z.number(),
  agency_id: z.number(),
  file_name: z.string(),
  system: z.string(),
  state: z.enum(['READING', 'WRITING', 'DONE', 'FAILED']),
  percent: z.number().int().min(0).max(100),
  rows_read: count,
  rows_to_write: count.nullable(),
  rows_written: count,
  errors: count,
  warnings: count,
  spreadsheet_id: z.number().nullable(),
  failure: z.object({ code: z.string(), description: z.string() }).nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});
export type UploadJobWire = z.infer<typeof uploadJobSchema>;

export const uploadJobParams = z.object({ uploadJobId: idParam });

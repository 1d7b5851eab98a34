/**
 * Public releases of an agency's figures (an addition to the reference): numbered, immutable,
 * hash-chained snapshots of what the public sees, each at a permanent address.
 */
import { z } from 'zod';
import { idParam } from './common.ts';

export const releaseParams = z.object({ agencyId: idParam, number: idParam });

const releaseValueJson = z.object({
  metric: z.string(),
  metric_name: z.string(),
  period_start: z.string(),
  period_end: z.string(),
  breakdown: z.string().nullable(),
  breakdown_name: z.string().nullable(),
  member: z.string().nullable(),
  member_name: z.string().nullable(),
  sub_category: z.string().nullable(),
});

const notePeriod = z.object({
  metric: z.string(),
  metric_name: z.string(),
  period_start: z.string(),
  period_end: z.string(),
});

/** A data note (the agency's explanation of flagged figures) written, rewritten or taken back. */
const noteChangeJson = notePeriod.extend({ before: z.string().nullable(), after: z.string().nullable() });

export const releaseSummaryJson = z.object({
  number: z.number(),
  released_at: z.string(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  content_sha256: z.string(),
  previous_chain_sha256: z.string().nullable(),
  chain_sha256: z.string(),
  url: z.string(),
  csv_url: z.string(),
  note_changes: z.array(noteChangeJson),
});
export type ReleaseSummaryJson = z.infer<typeof releaseSummaryJson>;

export const releasesResponse = z.object({
  agency_id: z.number(),
  releases: z.array(releaseSummaryJson),
});
export type ReleasesResponse = z.infer<typeof releasesResponse>;

export const releaseResponse = releaseSummaryJson.extend({
  agency: z.object({ id: z.number(), name: z.string() }),
  /** At most 500 are listed; the counts are complete. */
  changes: z.array(releaseValueJson.extend({ before: z.string().nullable(), after: z.string().nullable() })),
  values: z.array(releaseValueJson.extend({ value: z.string() })),
  /** The data notes published with the values, one per metric and period. */
  data_notes: z.array(notePeriod.extend({ note: z.string() })),
});
export type ReleaseResponse = z.infer<typeof releaseResponse>;

/**
 * Open data for machines (additions to the reference): the DCAT-US 1.1 catalogue at /data.json and
 * the change feed of public releases across agencies.
 */
import { z } from 'zod';
import { releaseSummaryJson } from './releases.ts';

const isCursor = (value: string) => /^\d{1,10}$/.test(value) && Number(value) <= 2_147_483_647;

/** `since`: the `next_since` of an earlier answer, or a date and time (ISO 8601) for a first harvest. */
export const changesQuery = z.object({
  since: z
    .string()
    .trim()
    .refine((value) => isCursor(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
      error: 'must be the next_since of an earlier answer, or a date and time such as 2026-12-01T00:00:00Z',
    })
    .optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 500' })
    .int('must be a whole number from 1 to 500')
    .min(1, 'must be a whole number from 1 to 500')
    .max(500, 'must be a whole number from 1 to 500')
    .default(100),
});
export type ChangesQuery = z.infer<typeof changesQuery>;

export const changesResponse = z.object({
  changes: z.array(
    releaseSummaryJson.extend({
      cursor: z.string(),
      agency: z.object({ id: z.number(), name: z.string() }),
    }),
  ),
  /** Pass it as `since` next time: it is the cursor of the last change, or the `since` given. */
  next_since: z.string().nullable(),
  has_more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof changesResponse>;

const distribution = z.object({
  '@type': z.literal('dcat:Distribution'),
  title: z.string(),
  description: z.string(),
  downloadURL: z.string(),
  mediaType: z.string(),
  format: z.string(),
  describedBy: z.string().optional(),
  describedByType: z.string().optional(),
});

const dataset = z.object({
  '@type': z.literal('dcat:Dataset'),
  identifier: z.string(),
  title: z.string(),
  description: z.string(),
  keyword: z.array(z.string()),
  modified: z.string(),
  publisher: z.object({ '@type': z.literal('org:Organization'), name: z.string() }),
  contactPoint: z.object({ '@type': z.literal('vcard:Contact'), fn: z.string(), hasEmail: z.string() }),
  accessLevel: z.literal('public'),
  rights: z.null(),
  landingPage: z.string(),
  describedBy: z.string(),
  describedByType: z.string(),
  spatial: z.string().nullable(),
  theme: z.array(z.string()),
  distribution: z.array(distribution),
});

export const dataCatalogResponse = z.object({
  '@context': z.string(),
  '@id': z.string(),
  '@type': z.literal('dcat:Catalog'),
  conformsTo: z.string(),
  describedBy: z.string(),
  dataset: z.array(dataset),
});
export type DataCatalogResponse = z.infer<typeof dataCatalogResponse>;

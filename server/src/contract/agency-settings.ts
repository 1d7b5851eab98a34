/**
 * GET/PATCH /api/agencies/:id: an agency's settings (description, homepage, sector definitions,
 * data sources, Stepping Up), its jurisdictions and its systems, with the reference's field names.
 */
import { z } from 'zod';
import { isPlainText, NOT_PLAIN_TEXT, text } from './common.ts';
import { isUsStateCode } from './us-states.ts';
import { contextValueSchema, includedSchema, MAX_KEY_CHARS } from './metric-settings.ts';
import { populationList } from './population.ts';

export const AGENCY_SETTING_TYPES = [
  'TEST',
  'PURPOSE_AND_FUNCTIONS',
  'HOMEPAGE_URL',
  'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE',
  'SECTOR_INCLUDES_EXCLUDES',
  'STEPPING_UP',
  'REQUIRE_TWO_FACTOR',
] as const;
export type AgencySettingType = (typeof AGENCY_SETTING_TYPES)[number];

export const MAX_URL_CHARS = 2_048;
export const MAX_JURISDICTIONS = 2_000;
/** Free-form settings (data sources, Stepping Up answers) are opaque JSON of bounded size and depth. */
export const MAX_FREE_FORM_JSON_CHARS = 20_000;
const MAX_FREE_FORM_DEPTH = 8;

/** A web address people can follow: a host name with a dot, optionally http(s), never another scheme. */
const HOMEPAGE = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(:\d{1,5})?([/?#]\S*)?$/i;

const TOO_BIG = `must be JSON of at most ${MAX_FREE_FORM_JSON_CHARS} characters, nested at most ${MAX_FREE_FORM_DEPTH} deep`;

/** Checks size, depth and text without recursion, so a hostile body cannot exhaust the stack. */
function freeFormProblem(value: unknown): string | undefined {
  const pending: [unknown, number][] = [[value, 0]];
  let size = 0;
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (depth > MAX_FREE_FORM_DEPTH) return TOO_BIG;
    if (item !== null && typeof item === 'object') {
      const children = Array.isArray(item) ? item : Object.entries(item).flat();
      size += children.length;
      for (const child of children) pending.push([child, depth + 1]);
    } else if (typeof item === 'string') {
      if (!isPlainText(item)) return NOT_PLAIN_TEXT;
      size += item.length;
    } else {
      size += 8;
    }
    if (size > MAX_FREE_FORM_JSON_CHARS) return TOO_BIG;
  }
  return undefined;
}

const freeFormJson = z.unknown().superRefine((value, context) => {
  const problem = freeFormProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const sectorDefinition = z.object({
  /** A sector with agency-wide definitions: COURTS_AND_PRETRIAL or a supervision sub-population. */
  sector: text.max(64),
  /** Yes/No answers by definition key, and the free-text answer (ADDITIONAL_CONTEXT) as `value`. */
  settings: z
    .array(
      z.object({
        key: text.max(MAX_KEY_CHARS),
        included: includedSchema.nullish(),
        value: contextValueSchema.nullish(),
      }),
    )
    .max(100),
});
export type SectorDefinition = z.infer<typeof sectorDefinition>;
/** The key of a sector definition's free-text answer (the other data elements the agency counts). */
export const SECTOR_FREE_TEXT_KEY = 'ADDITIONAL_CONTEXT';

/** An agency's or vendor's web address; '' clears it. */
export const homepageUrl = text
  .trim()
  .max(MAX_URL_CHARS)
  .refine((url) => url === '' || HOMEPAGE.test(url), 'must be a web address such as https://www.example.gov');
/** The reference's limit: the description is a short paragraph on the public dashboard. */
export const MAX_AGENCY_DESCRIPTION_CHARS = 750;
export const agencyDescription = text
  .trim()
  .max(MAX_AGENCY_DESCRIPTION_CHARS, `must be at most ${MAX_AGENCY_DESCRIPTION_CHARS} characters`);

export const agencySettingInput = z.discriminatedUnion(
  'setting_type',
  [
    z.object({ setting_type: z.literal('PURPOSE_AND_FUNCTIONS'), value: agencyDescription.nullable() }),
    z.object({ setting_type: z.literal('HOMEPAGE_URL'), value: homepageUrl.nullable() }),
    z.object({ setting_type: z.literal('SECTOR_INCLUDES_EXCLUDES'), value: z.array(sectorDefinition).max(12) }),
    z.object({ setting_type: z.literal('BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE'), value: freeFormJson }),
    z.object({ setting_type: z.literal('STEPPING_UP'), value: freeFormJson }),
    z.object({ setting_type: z.literal('TEST'), value: freeFormJson }),
    /** Members must use two-factor sign-in (password accounts; single sign-on relies on the provider). */
    z.object({ setting_type: z.literal('REQUIRE_TWO_FACTOR'), value: z.boolean() }),
  ],
  { error: () => `setting_type must be one of ${AGENCY_SETTING_TYPES.join(', ')}` },
);
export type AgencySettingInput = z.infer<typeof agencySettingInput>;

/** A Census GEOID ("0400000US13") or a legacy 10-digit jurisdiction id ("0100000000"). */
const geoid = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{1,32}$/, 'must be a GEOID such as 0400000US13');

export const jurisdictionsSchema = z.object({
  included: z.array(geoid).max(MAX_JURISDICTIONS),
  excluded: z.array(geoid).max(MAX_JURISDICTIONS),
});
export type Jurisdictions = z.infer<typeof jurisdictionsSchema>;

/** The Publisher sends each part in its own call; every part is optional. */
export const updateAgencyBody = z.object({
  systems: z.array(text.max(64)).min(1, 'must list at least one system').max(16).optional(),
  settings: z
    .array(agencySettingInput)
    .max(AGENCY_SETTING_TYPES.length * 2)
    .optional(),
  jurisdictions: jurisdictionsSchema.optional(),
  /** Ours: the jurisdiction's population by year, the whole list (years left out are removed). */
  population: populationList.optional(),
});
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;

export const agencySettingsResponse = z.object({
  settings: z.array(z.object({ setting_type: z.string(), value: z.unknown() })),
  jurisdictions: jurisdictionsSchema,
  is_subscribed_to_emails: z.boolean(),
  days_after_time_period_to_send_email: z.number(),
  /** Ours: Settings asks Stepping Up agencies (and jails) the Stepping Up questions. */
  is_stepping_up_agency: z.boolean(),
  /** Ours: the jurisdiction's population by year, oldest first. */
  population: populationList,
});
export type AgencySettingsResponse = z.infer<typeof agencySettingsResponse>;

/**
 * GET /api/geographies: states and counties by name (`search`), the names of stored GEOIDs
 * (`geoids`), or the counties of one state (`state`, e.g. us_ca) for an agency's county.
 */
export const MAX_GEOGRAPHY_RESULTS = 50;
export const geographiesQuery = z
  .object({
    search: text.trim().max(100).optional(),
    /** Comma-separated GEOIDs, e.g. a jurisdiction list to show by name. */
    geoids: z
      .string()
      .max(MAX_JURISDICTIONS * 33)
      .transform((list) => list.split(',').filter(Boolean))
      .pipe(z.array(geoid).max(MAX_JURISDICTIONS))
      .optional(),
    state: text.trim().toLowerCase().refine(isUsStateCode, 'must be a US state code such as us_ca').optional(),
  })
  .refine(
    (query) => query.search !== undefined || query.geoids !== undefined || query.state !== undefined,
    'give search, geoids or state',
  );

export const geographySchema = z.object({
  geoid: z.string(),
  name: z.string(),
  kind: z.enum(['state', 'county']),
  /** A county as agencies store it (`us_ca_san_mateo`); null for a state. */
  county_code: z.string().nullable(),
});
export type GeographyJson = z.infer<typeof geographySchema>;
export const geographiesResponse = z.object({ geographies: z.array(geographySchema) });
export type GeographiesResponse = z.infer<typeof geographiesResponse>;

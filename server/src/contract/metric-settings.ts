/**
 * GET/PUT /api/agencies/:id/metrics: the reference's METRICS_TAB metric JSON and its update body.
 * Member keys are display VALUEs, includes/excludes answers "Yes"/"No", configuration flags "YES"/"NO".
 */
import { z } from 'zod';
import { text } from './common.ts';

export const MAX_CONTEXT_CHARS = 5_000;
export const MAX_KEY_CHARS = 255;
export const MAX_SUB_DIMENSION_LABEL_CHARS = 100;
/** More than the catalogue has (117 metrics, 41 toggles per definition, 24 members per breakdown). */
export const MAX_METRICS_PER_UPDATE = 200;
const MAX_SETTINGS = 100;
const MAX_CONTEXTS = 10;
const MAX_DISAGGREGATIONS = 20;
const MAX_MEMBERS = 50;
const MAX_SUB_DIMENSIONS = 50;

const got = (input: unknown) => (typeof input === 'string' ? `"${input.slice(0, 60)}"` : JSON.stringify(input));

const key = text.max(MAX_KEY_CHARS, {
  error: (issue) => `must be at most ${MAX_KEY_CHARS} characters (got ${got(issue.input)})`,
});

export const frequencySchema = z.enum(['MONTHLY', 'ANNUAL'], {
  error: (issue) => `must be MONTHLY or ANNUAL (got ${got(issue.input)})`,
});
export type FrequencyName = z.infer<typeof frequencySchema>;

export const startingMonthSchema = z
  .number({ error: (issue) => `must be a month number from 1 to 12 (got ${got(issue.input)})` })
  .int({ error: (issue) => `must be a whole month number from 1 to 12 (got ${got(issue.input)})` })
  .min(1, { error: (issue) => `must be between 1 and 12 (got ${got(issue.input)})` })
  .max(12, { error: (issue) => `must be between 1 and 12 (got ${got(issue.input)})` });

/** An includes/excludes answer on the wire; storage uses YES/NO. */
export const includedSchema = z.enum(['Yes', 'No'], {
  error: (issue) => `must be "Yes", "No" or null (got ${got(issue.input)})`,
});
export type Included = z.infer<typeof includedSchema>;

/** A user-declared "configuration complete" flag. */
export const configuredSchema = z.enum(['YES', 'NO'], {
  error: (issue) => `must be "YES", "NO" or null (got ${got(issue.input)})`,
});
export type Configured = z.infer<typeof configuredSchema>;

export const contextValueSchema = text.max(MAX_CONTEXT_CHARS, {
  error: (issue) =>
    `must be at most ${MAX_CONTEXT_CHARS} characters (got ${typeof issue.input === 'string' ? issue.input.length : '?'})`,
});

const settingAnswer = z.object({ key, included: includedSchema.nullable() });
const contextAnswer = z.object({ key, value: contextValueSchema.nullable() });
const subDimensionAnswer = z.object({
  name: text.trim().min(1, 'must not be empty').max(MAX_SUB_DIMENSION_LABEL_CHARS),
  enabled: z.boolean().nullable(),
});

const dimensionUpdate = z.object({
  /** The member's display VALUE, e.g. "Emergency Calls" (its stored NAME is accepted too). */
  key,
  enabled: z.boolean().nullish(),
  settings: z.array(settingAnswer).max(MAX_SETTINGS).optional(),
  contexts: z.array(contextAnswer).max(MAX_CONTEXTS).optional(),
  is_dimension_includes_excludes_configured: configuredSchema.nullish(),
  /** Replaces the member's custom sub-categories (OTHER members only); [] clears them. */
  sub_dimensions: z.array(subDimensionAnswer).max(MAX_SUB_DIMENSIONS).optional(),
});

const disaggregationUpdate = z.object({
  /** The dimension identifier, e.g. "metric/law_enforcement/calls_for_service/type". */
  key,
  /** Applies to every member not listed in `dimensions`. */
  enabled: z.boolean().nullish(),
  is_breakdown_configured: configuredSchema.nullish(),
  contexts: z.array(contextAnswer).max(MAX_CONTEXTS).optional(),
  dimensions: z.array(dimensionUpdate).max(MAX_MEMBERS).optional(),
});

/** One metric's changes; anything absent or null is left as it is. */
export const metricSettingUpdate = z.object({
  key,
  enabled: z.boolean().nullish(),
  settings: z.array(settingAnswer).max(MAX_SETTINGS).optional(),
  contexts: z.array(contextAnswer).max(MAX_CONTEXTS).optional(),
  custom_frequency: frequencySchema.nullish(),
  /** Only with custom_frequency ANNUAL: the first month of the agency's year (7 = fiscal year from July). */
  starting_month: startingMonthSchema.nullish(),
  disaggregated_by_supervision_subsystems: z.boolean().nullish(),
  is_includes_excludes_configured: configuredSchema.nullish(),
  disaggregations: z.array(disaggregationUpdate).max(MAX_DISAGGREGATIONS).optional(),
});
export type MetricSettingUpdate = z.infer<typeof metricSettingUpdate>;
export type DisaggregationUpdate = z.infer<typeof disaggregationUpdate>;
export type DimensionUpdate = z.infer<typeof dimensionUpdate>;
export type ContextAnswer = z.infer<typeof contextAnswer>;
export type SettingAnswer = z.infer<typeof settingAnswer>;

export const updateMetricSettingsBody = z.object({
  metrics: z.array(metricSettingUpdate).min(1, 'must list at least one metric').max(MAX_METRICS_PER_UPDATE),
});
export type UpdateMetricSettingsBody = z.infer<typeof updateMetricSettingsBody>;

const includesExcludesGroup = z.object({
  description: z.string().nullable(),
  multiselect: z.boolean(),
  settings: z.array(
    z.object({ key: z.string(), label: z.string(), included: includedSchema.nullable(), default: includedSchema }),
  ),
});
export type IncludesExcludesGroupJson = z.infer<typeof includesExcludesGroup>;

const metricContext = z.object({ key: z.string(), display_name: z.string().nullable(), value: z.string().nullable() });
const memberContext = z.object({ key: z.string(), label: z.string().nullable(), value: z.string().nullable() });

export const dimensionJson = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean().nullable(),
  datapoints: z.null(),
  contexts: z.array(memberContext),
  includes_excludes: z.array(includesExcludesGroup),
  is_dimension_includes_excludes_configured: configuredSchema.nullable(),
  /** OTHER-type members only: the agency's custom sub-categories. */
  sub_dimensions: z.array(z.object({ name: z.string(), enabled: z.boolean().nullable() })).optional(),
  /** Race / ethnicity breakdown only. */
  race: z.string().optional(),
  ethnicity: z.string().optional(),
});
export type DimensionJson = z.infer<typeof dimensionJson>;

export const disaggregationJson = z.object({
  key: z.string(),
  display_name: z.string(),
  enabled: z.boolean().nullable(),
  is_breakdown_configured: configuredSchema.nullable(),
  required: z.boolean(),
  should_sum_to_total: z.boolean(),
  helper_text: z.string().nullable(),
  contexts: z.array(metricContext),
  dimensions: z.array(dimensionJson),
});
export type DisaggregationJson = z.infer<typeof disaggregationJson>;

/** One includes/excludes answer that differs from the Justice Counts default. */
const definitionDifferenceJson = z.object({
  /** Breakdown and member display names for a member's toggle; null for the metric's own. */
  disaggregation: z.string().nullable(),
  dimension: z.string().nullable(),
  key: z.string(),
  label: z.string(),
  included: includedSchema,
  default: includedSchema,
  /** The difference in a sentence, for people. */
  description: z.string(),
});

/** A change of what the figures mean, and the first period counted under it. */
const seriesBreakJson = z.object({
  /** First day of the first period counted under the new definition (`YYYY-MM-DD`). */
  start_date: z.string(),
  /** When the change was saved (ISO 8601). */
  changed_at: z.string(),
  changes: z.array(
    z.object({
      kind: z.enum(['definition', 'frequency', 'starting_month']),
      /** For a member's toggle, its breakdown and member display names. */
      disaggregation: z.string().nullable(),
      dimension: z.string().nullable(),
      /** The toggle's key (definition changes only). */
      key: z.string().nullable(),
      /** Yes/No, MONTHLY/ANNUAL, or the first month of the year (1–12), as text. */
      before: z.string(),
      after: z.string(),
      description: z.string(),
    }),
  ),
});

/**
 * Whether the agency counts the metric as Justice Counts defines it, and when its definition,
 * frequency or year start changed (an addition to the reference, docs/api-compat.md).
 */
export const comparabilityJson = z.object({
  matches_default: z.boolean(),
  differences: z.array(definitionDifferenceJson),
  series_breaks: z.array(seriesBreakJson),
});
export type ComparabilityJson = z.infer<typeof comparabilityJson>;

/** A metric in the catalogue's words, the same for every agency. */
export const metricWordsJson = z.object({
  key: z.string(),
  label: z.string(),
  display_name: z.string(),
  description: z.string(),
  category: z.string(),
  unit: z.string(),
  system: z.object({ key: z.string(), display_name: z.string() }),
});
export type MetricWordsJson = z.infer<typeof metricWordsJson>;

/**
 * What Set Up Metrics and a record's page both say of a metric: the catalogue's words and the
 * agency's choices of frequency.
 */
export const metricSummaryJson = metricWordsJson.extend({
  enabled: z.boolean().nullable(),
  /** The catalogue default; custom_frequency is the agency's choice. */
  frequency: frequencySchema,
  custom_frequency: frequencySchema.nullable(),
  starting_month: z.number().nullable(),
  disaggregated_by_supervision_subsystems: z.boolean().nullable(),
  filenames: z.array(z.string()),
  reporting_note: z.string().nullable(),
  datapoints: z.null(),
});

export const metricSettingJson = metricSummaryJson.extend({
  includes_excludes: z.array(includesExcludesGroup),
  is_includes_excludes_configured: configuredSchema.nullable(),
  contexts: z.array(metricContext),
  disaggregations: z.array(disaggregationJson),
  comparability: comparabilityJson,
  value: z.null(),
});
export type MetricSettingJson = z.infer<typeof metricSettingJson>;

export const metricSettingsResponse = z.array(metricSettingJson);

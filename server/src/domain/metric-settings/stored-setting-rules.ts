/**
 * The stored form of one agency's configuration of one metric (`metric_setting.metric_interface`),
 * byte-compatible with the reference: enum NAMEs everywhere, includes/excludes answers 'YES'/'NO',
 * null answers left out. Rows only hold what the agency touched; reading fills in the gaps.
 */
import type { Frequency } from '@jc/catalogue';

export type YesNo = 'YES' | 'NO';

export interface StoredBreakdown {
  /** Member NAME → enabled; members never answered are absent. */
  dimension_to_enabled_status: Record<string, boolean> | null;
  dimension_to_includes_excludes_member_to_setting: Record<string, Record<string, YesNo>>;
  contexts: Record<string, string>;
  dimension_to_contexts: Record<string, Record<string, string>>;
  is_breakdown_configured: YesNo | null;
  dimension_to_includes_excludes_configured_status: Record<string, YesNo | null>;
  /** OTHER-type member NAME → custom sub-category LABEL (upper case) → enabled. */
  dimension_to_other_sub_dimension_to_enabled_status: Record<string, Record<string, boolean | null>>;
}

export interface StoredMetricSetting {
  key: string;
  is_metric_enabled: boolean | null;
  contexts: Record<string, string>;
  aggregated_dimensions: Record<string, StoredBreakdown>;
  disaggregated_by_supervision_subsystems: boolean | null;
  includes_excludes_member_to_setting: Record<string, YesNo>;
  custom_reporting_frequency: { custom_frequency: Frequency | null; starting_month: number | null };
  is_includes_excludes_configured: YesNo | null;
  reporting_agency_id: number | null;
  is_self_reported: boolean | null;
  version: 'v1';
}

export function emptyStoredSetting(key: string): StoredMetricSetting {
  return {
    key,
    is_metric_enabled: null,
    contexts: {},
    aggregated_dimensions: {},
    disaggregated_by_supervision_subsystems: null,
    includes_excludes_member_to_setting: {},
    custom_reporting_frequency: { custom_frequency: null, starting_month: null },
    is_includes_excludes_configured: null,
    reporting_agency_id: null,
    is_self_reported: null,
    version: 'v1',
  };
}

/** A breakdown being built: its member flags are always an object. */
export type BreakdownDraft = StoredBreakdown & { dimension_to_enabled_status: Record<string, boolean> };

export function emptyStoredBreakdown(): BreakdownDraft {
  return {
    dimension_to_enabled_status: {},
    dimension_to_includes_excludes_member_to_setting: {},
    contexts: {},
    dimension_to_contexts: {},
    is_breakdown_configured: null,
    dimension_to_includes_excludes_configured_status: {},
    dimension_to_other_sub_dimension_to_enabled_status: {},
  };
}

type Guard<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBoolean: Guard<boolean> = (value) => typeof value === 'boolean';
const isString: Guard<string> = (value) => typeof value === 'string';
const isYesNo: Guard<YesNo> = (value) => value === 'YES' || value === 'NO';
const isFrequency: Guard<Frequency> = (value) => value === 'MONTHLY' || value === 'ANNUAL';
const isId = (value: unknown): value is number => Number.isInteger(value);
const isMonth = (value: unknown): value is number => isId(value) && value >= 1 && value <= 12;

function orNull<T>(value: unknown, guard: Guard<T>): T | null {
  return guard(value) ? value : null;
}

/** Keeps the entries whose values pass the guard; anything that is not an object reads as empty. */
function entries<T>(value: unknown, read: (item: unknown) => T | undefined): Record<string, T> {
  const result: Record<string, T> = {};
  if (!isObject(value)) return result;
  for (const [key, item] of Object.entries(value)) {
    const kept = read(item);
    if (kept !== undefined) result[key] = kept;
  }
  return result;
}

const only =
  <T>(guard: Guard<T>) =>
  (item: unknown): T | undefined =>
    guard(item) ? item : undefined;

const nested =
  <T>(guard: Guard<T>) =>
  (item: unknown): Record<string, T> | undefined =>
    isObject(item) ? entries(item, only(guard)) : undefined;

function readBreakdown(value: unknown): StoredBreakdown | undefined {
  if (!isObject(value)) return undefined;
  const subDimensions = (item: unknown) =>
    isObject(item) ? entries(item, (flag) => (flag === null ? null : only(isBoolean)(flag))) : undefined;
  return {
    dimension_to_enabled_status: entries(value.dimension_to_enabled_status, only(isBoolean)),
    dimension_to_includes_excludes_member_to_setting: entries(
      value.dimension_to_includes_excludes_member_to_setting,
      nested(isYesNo),
    ),
    contexts: entries(value.contexts, only(isString)),
    dimension_to_contexts: entries(value.dimension_to_contexts, nested(isString)),
    is_breakdown_configured: orNull(value.is_breakdown_configured, isYesNo),
    dimension_to_includes_excludes_configured_status: entries(
      value.dimension_to_includes_excludes_configured_status,
      (item) => (item === null ? null : only(isYesNo)(item)),
    ),
    dimension_to_other_sub_dimension_to_enabled_status: entries(
      value.dimension_to_other_sub_dimension_to_enabled_status,
      subDimensions,
    ),
  };
}

/**
 * Reads a stored document defensively: rows written by the reference or by hand may miss fields or
 * hold stray values; those read as "not configured" instead of failing the whole agency.
 */
export function readStoredSetting(key: string, value: unknown): StoredMetricSetting {
  const stored = emptyStoredSetting(key);
  if (!isObject(value)) return stored;
  const frequency = isObject(value.custom_reporting_frequency) ? value.custom_reporting_frequency : {};
  return {
    ...stored,
    is_metric_enabled: orNull(value.is_metric_enabled, isBoolean),
    contexts: entries(value.contexts, only(isString)),
    aggregated_dimensions: entries(value.aggregated_dimensions, readBreakdown),
    disaggregated_by_supervision_subsystems: orNull(value.disaggregated_by_supervision_subsystems, isBoolean),
    includes_excludes_member_to_setting: entries(value.includes_excludes_member_to_setting, only(isYesNo)),
    custom_reporting_frequency: {
      custom_frequency: orNull(frequency.custom_frequency, isFrequency),
      starting_month: orNull(frequency.starting_month, isMonth),
    },
    is_includes_excludes_configured: orNull(value.is_includes_excludes_configured, isYesNo),
    reporting_agency_id: orNull(value.reporting_agency_id, isId),
    is_self_reported: orNull(value.is_self_reported, isBoolean),
  };
}

// Row shapes of the generated catalogue tables (see scripts/generate.ts). Compact tuples keep the web bundle small.

/** [identifier, display name, flat member pairs: NAME, display VALUE, NAME, VALUE, …] */
export type DimensionRow = readonly [identifier: string, displayName: string, members: readonly string[]];

/**
 * [settings, label?, multiselect?]: settings are space-separated keys in display order; a key prefixed with `!`
 * defaults to "No", every other key to "Yes". Label defaults to null and multiselect to true.
 */
export type IncludesExcludesRow = readonly [settings: string, label?: string | null, multiselect?: boolean];

/** [dimension identifier, required, sheet name or null, sheet column or null, group ids per member (aligned with the members)] */
export type BreakdownRow = readonly [
  identifier: string,
  required: boolean,
  sheet: string | null,
  column: string | null,
  memberGroups: readonly (readonly number[])[],
];

/** One hand-defined metric; supervision sub-system copies are derived from the SUPERVISION rows. */
export type MetricRow = readonly [
  system: string,
  metricType: string,
  displayName: string,
  category: string,
  unit: string,
  measurementType: string,
  defaultFrequency: 'MONTHLY' | 'ANNUAL',
  groups: readonly number[],
  breakdowns: readonly BreakdownRow[],
  totalSheet: string,
];

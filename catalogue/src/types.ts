// Types of the Justice Counts catalogue. Strings noted as "stored" are what the database holds and must
// never change; everything else is presentation.

import type { SystemName } from './systems.ts';

export type { SystemName };

export type Frequency = 'MONTHLY' | 'ANNUAL';

/** One "is this counted?" toggle; `key` is stored, `default` applies when the agency has not answered. */
export interface IncludesExcludesSetting {
  key: string;
  default: 'Yes' | 'No';
}

/** One table of toggles. `label` is our own short heading, null when the table needs none. */
export interface IncludesExcludesGroup {
  label: string | null;
  multiselect: boolean;
  settings: IncludesExcludesSetting[];
}

/** A free-text question. Current contexts are all untyped text: valueType, required and options are null. */
export interface ContextDef {
  key: string;
  label: string | null;
  valueType: string | null;
  required: boolean | null;
  options: string[] | null;
}

/** A breakdown member: `name` is stored, `value` is the display text (and the API's member key). */
export interface MemberDef {
  name: string;
  value: string;
  includesExcludes: IncludesExcludesGroup[];
  /** Context keys asked per member: ADDITIONAL_CONTEXT for OTHER/UNKNOWN, else INCLUDES_EXCLUDES_DESCRIPTION. */
  contexts: string[];
}

/**
 * A breakdown of a metric. `required` and the members' includes/excludes belong to the metric's use of the
 * dimension; getDimension() returns the metric-independent form (required false, no includes/excludes).
 */
export interface DimensionDef {
  identifier: string;
  displayName: string;
  required: boolean;
  shouldSumToTotal: boolean;
  members: MemberDef[];
  /** Breakdown-level contexts (OTHER_RACE_DESCRIPTION on race/ethnicity breakdowns). */
  contexts: ContextDef[];
}

export interface MetricDef {
  /** Stored key: `<SYSTEM>_<METRIC TYPE>`, e.g. `PROSECUTION_CASES REFERRED`. */
  key: string;
  system: SystemName;
  metricType: string;
  displayName: string;
  description: string;
  /** MetricCategory value, e.g. CAPACITY_AND_COSTS; categoryLabel() gives the display form. */
  category: string;
  /** Unit display text, e.g. "Full-time Equivalents". */
  unit: string;
  measurementType: string;
  /** Frequencies an agency may choose for this metric (every metric may be reported monthly or annually). */
  frequencies: Frequency[];
  defaultFrequency: Frequency;
  disabled: boolean;
  dimensions: DimensionDef[];
  includesExcludes: IncludesExcludesGroup[];
  contexts: ContextDef[];
  /** Bulk-upload sheet (or CSV) names: the total sheet and one per breakdown that has a sheet. */
  sheetNames: { total: string; breakdowns: Record<string, string> };
  /** Bulk-upload category column per breakdown sheet, keyed by dimension identifier (e.g. `offense_type`). */
  sheetColumns: Record<string, string>;
}

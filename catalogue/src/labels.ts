// Presentation text in our own words: category names, context prompts and includes/excludes helpers.

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  CAPACITY_AND_COSTS: 'Capacity and Costs',
  OPERATIONS_AND_DYNAMICS: 'Operations and Dynamics',
  POPULATIONS: 'Populations',
  PUBLIC_SAFETY: 'Public Safety',
  EQUITY: 'Equity',
  FAIRNESS: 'Fairness',
};

/** Display form of a MetricCategory value, e.g. CAPACITY_AND_COSTS → "Capacity and Costs". */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** The context keys current definitions use (the reference enum lists 20 more that nothing asks any longer). */
export const CONTEXT_KEYS = ['INCLUDES_EXCLUDES_DESCRIPTION', 'ADDITIONAL_CONTEXT', 'OTHER_RACE_DESCRIPTION'] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

const CONTEXT_LABELS: Record<ContextKey, string> = {
  INCLUDES_EXCLUDES_DESCRIPTION: 'Anything else your agency counts here that the list above does not cover',
  ADDITIONAL_CONTEXT: 'What this category includes for your agency',
  OTHER_RACE_DESCRIPTION: 'Other races or ethnicities your agency records',
};

/** Prompt for a context key; metric-level INCLUDES_EXCLUDES_DESCRIPTION on a metric without toggles asks differently. */
export function contextLabel(key: string, metricHasIncludesExcludes = true): string | null {
  if (key === 'INCLUDES_EXCLUDES_DESCRIPTION' && !metricHasIncludesExcludes) {
    return 'How your agency defines this metric';
  }
  return (CONTEXT_LABELS as Record<string, string>)[key] ?? null;
}

/** The public v2 dashboard API renames three keys; storage always uses the original key. */
export const V2_DASHBOARD_METRIC_KEYS: Readonly<Record<string, string>> = {
  'PROSECUTION_CASES REFERRED': 'PROSECUTION_CASES_REFERRED',
  SUPERVISION_SUPERVISION_TERMINATIONS: 'SUPERVISION_DISCHARGES',
  SUPERVISION_SUPERVISION_VIOLATIONS: 'SUPERVISION_VIOLATIONS',
};

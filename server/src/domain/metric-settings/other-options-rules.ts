/**
 * Pure rules of the custom sub-categories under a breakdown's "Other" members ("Other Funding" →
 * "GIFTS"): which members take them, how they are shown, and how an admin's list replaces them.
 */
import type { DimensionDef, MetricDef } from '@jc/catalogue';
import type { FieldProblem } from '../errors.ts';
import { acceptsSubDimensions, normalizeSubDimensionLabel } from './setting-rules.ts';
import { emptyStoredBreakdown, type StoredMetricSetting } from './stored-setting-rules.ts';

/** "DONATIONS AND GIFTS" → "Donations And Gifts", as the panel shows stored labels. */
export function titleCase(label: string): string {
  return label.toLowerCase().replace(/(^|\s)\S/g, (start) => start.toUpperCase());
}

/** The breakdowns of a metric that have members taking custom sub-categories, with those members. */
export function otherBreakdowns(metric: MetricDef): { breakdown: DimensionDef; members: DimensionDef['members'] }[] {
  return metric.dimensions
    .map((breakdown) => ({ breakdown, members: breakdown.members.filter((m) => acceptsSubDimensions(breakdown, m)) }))
    .filter((entry) => entry.members.length > 0);
}

/** A member's labels, title-cased and sorted. */
export function otherOptionsOf(
  setting: StoredMetricSetting | undefined,
  dimensionId: string,
  member: string,
): string[] {
  const labels =
    setting?.aggregated_dimensions[dimensionId]?.dimension_to_other_sub_dimension_to_enabled_status[member];
  return Object.keys(labels ?? {})
    .map(titleCase)
    .sort((a, b) => a.localeCompare(b));
}

export interface OtherOptionsUpdate {
  dimensionId: string;
  member: string;
  options: readonly string[];
  /** Where the breakdown and the member are in the request, for problems, e.g. `updates.0.breakdowns.1`. */
  breakdownField: string;
  memberField: string;
}

/** Problems with one metric's updates: unknown breakdowns, or members that take no sub-categories. */
export function otherOptionsProblems(metric: MetricDef, updates: readonly OtherOptionsUpdate[]) {
  const problems: FieldProblem[] = [];
  for (const update of updates) {
    const entry = otherBreakdowns(metric).find((candidate) => candidate.breakdown.identifier === update.dimensionId);
    if (!entry) {
      const message = `"${update.dimensionId}" is not a breakdown of ${metric.key} with an "Other" category`;
      problems.push({ field: `${update.breakdownField}.dimension_id`, message });
    } else if (!entry.members.some((member) => member.name === update.member)) {
      const names = entry.members.map((member) => member.name).join(', ');
      problems.push({
        field: `${update.memberField}.dimension_key`,
        message: `"${update.member}" is not one of ${names}`,
      });
    }
  }
  return problems;
}

/**
 * The setting with each listed member's labels replaced by the given options (normalised, without
 * repeats); a label that was already there keeps its on/off choice, a new one is unanswered.
 */
export function withOtherOptions(
  setting: StoredMetricSetting,
  updates: readonly OtherOptionsUpdate[],
): StoredMetricSetting {
  const aggregated = { ...setting.aggregated_dimensions };
  for (const update of updates) {
    const breakdown = aggregated[update.dimensionId] ?? emptyStoredBreakdown();
    const labels = { ...breakdown.dimension_to_other_sub_dimension_to_enabled_status };
    const before = labels[update.member] ?? {};
    const after: Record<string, boolean | null> = {};
    for (const option of update.options.map(normalizeSubDimensionLabel)) after[option] = before[option] ?? null;
    labels[update.member] = after;
    aggregated[update.dimensionId] = { ...breakdown, dimension_to_other_sub_dimension_to_enabled_status: labels };
  }
  return { ...setting, aggregated_dimensions: aggregated };
}

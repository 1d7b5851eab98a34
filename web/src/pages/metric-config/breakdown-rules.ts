/** Pure rules about breakdowns and definitions on the Set Up Metrics screens. */
import type { DimensionJson, IncludesExcludesGroupJson } from '@jc/server/contract';

export const RACE_AND_ETHNICITY = 'global/race_and_ethnicity';

/** The "Other" member: it needs a description of what it holds before it is switched on. */
export function isOtherDimension(dimension: DimensionJson): boolean {
  return dimension.sub_dimensions !== undefined && dimension.contexts.some((c) => c.key === 'ADDITIONAL_CONTEXT');
}

/** Needs attention: the agency has ticked nothing as included and written no description. */
export function needsDefinition(
  groups: readonly IncludesExcludesGroupJson[],
  context: string | null | undefined,
): boolean {
  const anyYes = groups.some((g) => g.settings.some((s) => s.included === 'Yes'));
  return !anyYes && !context?.trim();
}

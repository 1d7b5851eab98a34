/**
 * Pure: whether an agency counts a metric as the Justice Counts definition does. Each
 * includes/excludes toggle of the metric (and of its breakdowns' members) has a default; an answer
 * that differs from it makes the agency's figures not directly comparable with other agencies'.
 * A toggle the agency has not answered counts as the default (the catalogue's rule).
 */
import type { IncludesExcludesGroup, MetricDef } from '@jc/catalogue';
import type { StoredMetricSetting, YesNo } from './stored-setting-rules.ts';

export interface DefinitionDifference {
  /** Breakdown identifier and member NAME of a member's toggle; null for the metric's own. */
  breakdown: string | null;
  member: string | null;
  /** The toggle's key, e.g. `SERVICE_911`. */
  key: string;
  /** The agency's answer; the Justice Counts default is the other one. */
  answer: YesNo;
}

const asYesNo = (value: 'Yes' | 'No'): YesNo => (value === 'Yes' ? 'YES' : 'NO');

function differing(
  groups: readonly IncludesExcludesGroup[],
  answers: Readonly<Record<string, YesNo>>,
  where: Pick<DefinitionDifference, 'breakdown' | 'member'>,
): DefinitionDifference[] {
  return groups.flatMap((group) =>
    group.settings.flatMap((setting) => {
      const answer = answers[setting.key];
      return answer === undefined || answer === asYesNo(setting.default)
        ? []
        : [{ ...where, key: setting.key, answer }];
    }),
  );
}

/** Every answer of the agency that differs from the Justice Counts default, metric toggles first. */
export function definitionDifferences(metric: MetricDef, setting: StoredMetricSetting): DefinitionDifference[] {
  const own = differing(metric.includesExcludes, setting.includes_excludes_member_to_setting, {
    breakdown: null,
    member: null,
  });
  const members = metric.dimensions.flatMap((breakdown) => {
    const stored = setting.aggregated_dimensions[breakdown.identifier];
    return breakdown.members.flatMap((member) =>
      differing(member.includesExcludes, stored?.dimension_to_includes_excludes_member_to_setting[member.name] ?? {}, {
        breakdown: breakdown.identifier,
        member: member.name,
      }),
    );
  });
  return [...own, ...members];
}

/** The metrics whose definition differs from the default, in the order given. */
export function metricsDifferingFromDefault(
  metrics: readonly MetricDef[],
  stored: ReadonlyMap<string, StoredMetricSetting>,
): MetricDef[] {
  return metrics.filter((metric) => {
    const setting = stored.get(metric.key);
    return setting !== undefined && definitionDifferences(metric, setting).length > 0;
  });
}

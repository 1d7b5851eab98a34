/**
 * Pure: what a saved change will look like, so the screen answers at once while the request is on
 * its way. It follows the server's rules: absent or null leaves a value alone, a breakdown-wide
 * flag applies to members not listed, a breakdown is off only when all its members are off.
 */
import type {
  DimensionJson,
  DimensionUpdate,
  DisaggregationJson,
  DisaggregationUpdate,
  IncludesExcludesGroupJson,
  MetricSettingJson,
  MetricSettingUpdate,
} from '@jc/server/contract';

type Answers = { key: string; included: 'Yes' | 'No' | null }[] | undefined;
type Contexts = { key: string; value: string | null }[] | undefined;

const keep = <T>(next: T | null | undefined, current: T): T => (next === null || next === undefined ? current : next);

function withAnswers(groups: IncludesExcludesGroupJson[], answers: Answers): IncludesExcludesGroupJson[] {
  if (!answers) return groups;
  return groups.map((group) => ({
    ...group,
    settings: group.settings.map((setting) => {
      const answer = answers.find((a) => a.key === setting.key);
      return { ...setting, included: keep(answer?.included, setting.included) };
    }),
  }));
}

function withContexts<C extends { key: string; value: string | null }>(contexts: C[], updates: Contexts): C[] {
  return contexts.map((context) => ({
    ...context,
    value: keep(updates?.find((u) => u.key === context.key)?.value, context.value),
  }));
}

/** A breakdown is off when every member is off, on when any member was answered. */
export function derivedEnabled(dimensions: readonly Pick<DimensionJson, 'enabled'>[]): boolean | null {
  if (dimensions.length > 0 && dimensions.every((d) => d.enabled === false)) return false;
  return dimensions.some((d) => d.enabled !== null) ? true : null;
}

function withDimension(
  dimension: DimensionJson,
  wide: boolean | null,
  update: DimensionUpdate | undefined,
): DimensionJson {
  const next: DimensionJson = {
    ...dimension,
    enabled: keep(update?.enabled ?? wide, dimension.enabled),
    includes_excludes: withAnswers(dimension.includes_excludes, update?.settings),
    contexts: withContexts(dimension.contexts, update?.contexts),
    is_dimension_includes_excludes_configured: keep(
      update?.is_dimension_includes_excludes_configured,
      dimension.is_dimension_includes_excludes_configured,
    ),
  };
  if (update?.sub_dimensions && dimension.sub_dimensions) {
    next.sub_dimensions = update.sub_dimensions.map((s) => ({ name: s.name.trim().toUpperCase(), enabled: s.enabled }));
  }
  return next;
}

function withDisaggregation(
  disaggregation: DisaggregationJson,
  update: DisaggregationUpdate | undefined,
): DisaggregationJson {
  if (!update) return disaggregation;
  const dimensions = disaggregation.dimensions.map((dimension) =>
    withDimension(
      dimension,
      update.enabled ?? null,
      update.dimensions?.find((d) => d.key === dimension.key),
    ),
  );
  return {
    ...disaggregation,
    dimensions,
    enabled: derivedEnabled(dimensions),
    is_breakdown_configured: keep(update.is_breakdown_configured, disaggregation.is_breakdown_configured),
    contexts: withContexts(disaggregation.contexts, update.contexts),
  };
}

export function applyUpdate(metric: MetricSettingJson, update: MetricSettingUpdate): MetricSettingJson {
  if (update.key !== metric.key) return metric;
  const frequency = keep(update.custom_frequency, metric.custom_frequency);
  const month = update.custom_frequency
    ? (update.starting_month ?? (frequency === 'ANNUAL' ? 1 : null))
    : metric.starting_month;
  return {
    ...metric,
    enabled: keep(update.enabled, metric.enabled),
    custom_frequency: frequency,
    starting_month: month,
    disaggregated_by_supervision_subsystems: keep(
      update.disaggregated_by_supervision_subsystems,
      metric.disaggregated_by_supervision_subsystems,
    ),
    is_includes_excludes_configured: keep(
      update.is_includes_excludes_configured,
      metric.is_includes_excludes_configured,
    ),
    includes_excludes: withAnswers(metric.includes_excludes, update.settings),
    contexts: withContexts(metric.contexts, update.contexts),
    disaggregations: metric.disaggregations.map((d) =>
      withDisaggregation(
        d,
        update.disaggregations?.find((u) => u.key === d.key),
      ),
    ),
  };
}

export function applyUpdates(
  metrics: MetricSettingJson[],
  updates: readonly MetricSettingUpdate[],
): MetricSettingJson[] {
  return metrics.map((metric) => updates.reduce(applyUpdate, metric));
}

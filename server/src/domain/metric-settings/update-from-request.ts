/**
 * Pure: turns one metric of a PUT /api/agencies/:id/metrics body into the stored form of the update
 * (what the reference appends to metric_setting_history), checking every key against the catalogue.
 * Problems are collected, not thrown, so one answer can name every bad field.
 */
import {
  findMember,
  isSupervisionFamily,
  type ContextDef,
  type DimensionDef,
  type IncludesExcludesGroup,
  type MetricDef,
} from '@jc/catalogue';
import type {
  ContextAnswer,
  DimensionUpdate,
  DisaggregationUpdate,
  MetricSettingUpdate,
  SettingAnswer,
} from '../../contract/metric-settings.ts';
import type { FieldProblem } from '../errors.ts';
import { acceptsSubDimensions, normalizeSubDimensionLabel } from './setting-rules.ts';
import {
  emptyStoredBreakdown,
  emptyStoredSetting,
  type BreakdownDraft,
  type StoredBreakdown,
  type StoredMetricSetting,
  type YesNo,
} from './stored-setting-rules.ts';

const YES_NO = { Yes: 'YES', No: 'NO' } as const satisfies Record<string, YesNo>;

/** "A, B, C" — or the first few and a count, so a message stays readable. */
function choices(options: readonly string[]): string {
  const shown = options.slice(0, 8).join(', ');
  return options.length > 8 ? `${shown} … (${options.length} in all)` : shown;
}

type Problems = FieldProblem[];

function report(problems: Problems, field: string, message: string): void {
  problems.push({ field, message });
}

function readSettings(
  answers: readonly SettingAnswer[] | undefined,
  groups: readonly IncludesExcludesGroup[],
  owner: string,
  field: string,
  problems: Problems,
): Record<string, YesNo> {
  const known = groups.flatMap((group) => group.settings.map((setting) => setting.key));
  const result: Record<string, YesNo> = {};
  (answers ?? []).forEach((answer, i) => {
    if (!known.includes(answer.key)) {
      const expected = known.length > 0 ? `expected one of ${choices(known)}` : 'it has no definition settings';
      report(problems, `${field}.${i}.key`, `"${answer.key}" is not a definition setting of ${owner}; ${expected}`);
    } else if (answer.included !== null) {
      result[answer.key] = YES_NO[answer.included];
    }
  });
  return result;
}

function readContexts(
  answers: readonly ContextAnswer[] | undefined,
  allowed: readonly string[],
  owner: string,
  field: string,
  problems: Problems,
): Record<string, string> {
  const result: Record<string, string> = {};
  (answers ?? []).forEach((answer, i) => {
    if (!allowed.includes(answer.key)) {
      const expected = allowed.length > 0 ? `expected ${choices(allowed)}` : 'it asks for none';
      report(problems, `${field}.${i}.key`, `"${answer.key}" is not a context of ${owner}; ${expected}`);
    } else if (answer.value !== null) {
      result[answer.key] = answer.value;
    }
  });
  return result;
}

const contextKeys = (contexts: readonly ContextDef[]) => contexts.map((context) => context.key);

function readSubDimensions(update: DimensionUpdate, field: string, problems: Problems) {
  const labels: Record<string, boolean | null> = {};
  (update.sub_dimensions ?? []).forEach((sub, i) => {
    const label = normalizeSubDimensionLabel(sub.name);
    if (Object.hasOwn(labels, label)) report(problems, `${field}.${i}.name`, `"${sub.name}" is listed twice`);
    labels[label] = sub.enabled;
  });
  return labels;
}

function applyMember(
  breakdown: DimensionDef,
  update: DimensionUpdate,
  target: BreakdownDraft,
  field: string,
  problems: Problems,
): void {
  const member = findMember(breakdown, update.key);
  if (!member) {
    const values = breakdown.members.map((m) => m.value);
    report(
      problems,
      `${field}.key`,
      `"${update.key}" is not a member of breakdown "${breakdown.displayName}"; expected one of ${choices(values)}`,
    );
    return;
  }
  const owner = `"${member.value}"`;
  if (typeof update.enabled === 'boolean') target.dimension_to_enabled_status[member.name] = update.enabled;
  const settings = readSettings(update.settings, member.includesExcludes, owner, `${field}.settings`, problems);
  if (Object.keys(settings).length > 0) target.dimension_to_includes_excludes_member_to_setting[member.name] = settings;
  const contexts = readContexts(update.contexts, member.contexts, owner, `${field}.contexts`, problems);
  if (Object.keys(contexts).length > 0) target.dimension_to_contexts[member.name] = contexts;
  const configured = update.is_dimension_includes_excludes_configured;
  if (configured) target.dimension_to_includes_excludes_configured_status[member.name] = configured;
  if (update.sub_dimensions === undefined) return;
  if (!acceptsSubDimensions(breakdown, member)) {
    report(problems, `${field}.sub_dimensions`, `${owner} cannot have custom sub-categories; only "Other" members can`);
    return;
  }
  target.dimension_to_other_sub_dimension_to_enabled_status[member.name] = readSubDimensions(
    update,
    `${field}.sub_dimensions`,
    problems,
  );
}

function readBreakdown(
  metric: MetricDef,
  update: DisaggregationUpdate,
  field: string,
  problems: Problems,
): [string, StoredBreakdown] | undefined {
  const breakdown = metric.dimensions.find((dimension) => dimension.identifier === update.key);
  if (!breakdown) {
    const known = metric.dimensions.map((dimension) => dimension.identifier);
    const expected = known.length > 0 ? `expected one of ${choices(known)}` : 'it has no breakdowns';
    report(problems, `${field}.key`, `"${update.key}" is not a breakdown of ${metric.key}; ${expected}`);
    return undefined;
  }
  const stored = emptyStoredBreakdown();
  // The breakdown-wide flag is every member's default; members listed below override it.
  const wide = update.enabled ?? null;
  if (wide !== null) for (const member of breakdown.members) stored.dimension_to_enabled_status[member.name] = wide;
  (update.dimensions ?? []).forEach((member, i) =>
    applyMember(breakdown, member, stored, `${field}.dimensions.${i}`, problems),
  );
  stored.contexts = readContexts(
    update.contexts,
    contextKeys(breakdown.contexts),
    `"${breakdown.displayName}"`,
    `${field}.contexts`,
    problems,
  );
  stored.is_breakdown_configured = update.is_breakdown_configured ?? null;
  return [breakdown.identifier, stored];
}

function readFrequency(metric: MetricDef, update: MetricSettingUpdate, field: string, problems: Problems) {
  const frequency = update.custom_frequency ?? null;
  const month = update.starting_month ?? null;
  if (frequency !== null && !metric.frequencies.includes(frequency)) {
    report(
      problems,
      `${field}.custom_frequency`,
      `${metric.key} cannot be reported ${frequency}; allowed: ${choices(metric.frequencies)}`,
    );
  }
  if (month !== null && frequency === null) {
    report(
      problems,
      `${field}.starting_month`,
      `send custom_frequency "ANNUAL" with a starting month (got starting_month ${month} alone)`,
    );
  }
  // A monthly metric has no starting month: the reference drops it, and so do we.
  return { custom_frequency: frequency, starting_month: frequency === 'ANNUAL' ? month : null };
}

/** The update's stored form; `field` is where the metric sits in the body, e.g. "metrics.2". */
export function updateFromRequest(
  metric: MetricDef,
  update: MetricSettingUpdate,
  field: string,
  problems: Problems,
): StoredMetricSetting {
  const stored = emptyStoredSetting(metric.key);
  stored.is_metric_enabled = update.enabled ?? null;
  const name = metric.key;
  stored.includes_excludes_member_to_setting = readSettings(
    update.settings,
    metric.includesExcludes,
    name,
    `${field}.settings`,
    problems,
  );
  stored.contexts = readContexts(update.contexts, contextKeys(metric.contexts), name, `${field}.contexts`, problems);
  stored.custom_reporting_frequency = readFrequency(metric, update, field, problems);
  const disaggregated = update.disaggregated_by_supervision_subsystems ?? null;
  if (disaggregated !== null && !isSupervisionFamily(metric.system)) {
    report(
      problems,
      `${field}.disaggregated_by_supervision_subsystems`,
      `${metric.key} is not a supervision metric; leave it null`,
    );
  }
  stored.disaggregated_by_supervision_subsystems = disaggregated;
  stored.is_includes_excludes_configured = update.is_includes_excludes_configured ?? null;
  (update.disaggregations ?? []).forEach((disaggregation, i) => {
    const entry = readBreakdown(metric, disaggregation, `${field}.disaggregations.${i}`, problems);
    if (entry) stored.aggregated_dimensions[entry[0]] = entry[1];
  });
  return stored;
}

/**
 * Pure: turns the stored update payloads of `metric_setting_history` into single changes with the
 * value before and after. The table keeps only what each write sent, so the value before is the
 * one the same setting had after the previous write of that metric (null before any).
 */
import type { YesNo } from './stored-setting-rules.ts';

export type SettingAspect =
  | 'enabled'
  | 'definition'
  | 'definition_complete'
  | 'context'
  | 'frequency'
  | 'starting_month'
  | 'supervision_breakdown'
  | 'sub_category'
  | 'reporting_agency'
  | 'self_reported';

export type SettingValue = string | number | boolean | null;

/** Which setting: of the metric itself (breakdown null), of a breakdown, or of one of its members. */
export interface SettingPath {
  aspect: SettingAspect;
  breakdown: string | null;
  member: string | null;
  /** The definition key, context key or custom sub-category the aspect is about. */
  item: string | null;
}

export interface SettingChange extends SettingPath {
  oldValue: SettingValue;
  newValue: SettingValue;
}

export interface StoredHistoryRow {
  metricKey: string;
  updates: unknown;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);
const isValue = (value: unknown): value is Exclude<SettingValue, null> =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

type Leaf = [SettingPath, SettingValue];
const path = (
  aspect: SettingAspect,
  breakdown: string | null = null,
  member: string | null = null,
  item: string | null = null,
) => ({
  aspect,
  breakdown,
  member,
  item,
});

/** Every breakdown-level answer of one stored breakdown. */
function breakdownLeaves(breakdown: string, stored: unknown): Leaf[] {
  const leaves: Leaf[] = [];
  const field = (name: string) => (isObject(stored) ? stored[name] : undefined);
  for (const [member, on] of entries(field('dimension_to_enabled_status'))) {
    leaves.push([path('enabled', breakdown, member), on as SettingValue]);
  }
  for (const [member, answers] of entries(field('dimension_to_includes_excludes_member_to_setting'))) {
    for (const [key, answer] of entries(answers)) {
      leaves.push([path('definition', breakdown, member, key), answer as YesNo]);
    }
  }
  for (const [key, text] of entries(field('contexts'))) {
    leaves.push([path('context', breakdown, null, key), text as string]);
  }
  for (const [member, contexts] of entries(field('dimension_to_contexts'))) {
    for (const [key, text] of entries(contexts)) leaves.push([path('context', breakdown, member, key), text as string]);
  }
  leaves.push([path('definition_complete', breakdown), field('is_breakdown_configured') as SettingValue]);
  for (const [member, status] of entries(field('dimension_to_includes_excludes_configured_status'))) {
    leaves.push([path('definition_complete', breakdown, member), status as SettingValue]);
  }
  for (const [member, labels] of entries(field('dimension_to_other_sub_dimension_to_enabled_status'))) {
    for (const [label, on] of entries(labels)) {
      leaves.push([path('sub_category', breakdown, member, label), on as SettingValue]);
    }
  }
  return leaves;
}

/**
 * Every answer one stored update carries. Null means "not part of this write", except in a write
 * of only the reporting agency, which sets both of its fields outright (null clears them).
 */
export function updateLeaves(updates: unknown): Leaf[] {
  if (!isObject(updates)) return [];
  const frequency = isObject(updates.custom_reporting_frequency) ? updates.custom_reporting_frequency : {};
  const leaves: Leaf[] = [
    [path('enabled'), updates.is_metric_enabled as SettingValue],
    [path('frequency'), frequency.custom_frequency as SettingValue],
    [path('starting_month'), frequency.starting_month as SettingValue],
    [path('supervision_breakdown'), updates.disaggregated_by_supervision_subsystems as SettingValue],
    [path('definition_complete'), updates.is_includes_excludes_configured as SettingValue],
    ...entries(updates.includes_excludes_member_to_setting).map(([key, answer]): Leaf => [
      path('definition', null, null, key),
      answer as SettingValue,
    ]),
    ...entries(updates.contexts).map(([key, text]): Leaf => [path('context', null, null, key), text as SettingValue]),
    ...entries(updates.aggregated_dimensions).flatMap(([breakdown, stored]) => breakdownLeaves(breakdown, stored)),
  ];
  const reportingOnly = Object.keys(updates).every((key) =>
    ['key', 'reporting_agency_id', 'is_self_reported'].includes(key),
  );
  const reporting: Leaf[] = [
    [path('reporting_agency'), updates.reporting_agency_id as SettingValue],
    [path('self_reported'), updates.is_self_reported as SettingValue],
  ];
  return [
    ...leaves.filter(([, value]) => isValue(value)),
    ...reporting.filter(([, value]) => reportingOnly || isValue(value)),
  ];
}

const pathId = (p: SettingPath) => JSON.stringify([p.aspect, p.breakdown, p.member, p.item]);

/**
 * Rows oldest first → the changes of each row, in the same order. A setting written again with the
 * value it already had is no change (copies and the admin panel write whole documents).
 */
export function settingChanges(rows: readonly StoredHistoryRow[]): SettingChange[][] {
  const current = new Map<string, SettingValue>();
  return rows.map((row) =>
    updateLeaves(row.updates).flatMap(([setting, value]) => {
      const id = `${row.metricKey}:${pathId(setting)}`;
      const before = current.get(id) ?? null;
      current.set(id, value);
      return before === value ? [] : [{ ...setting, oldValue: before, newValue: value }];
    }),
  );
}

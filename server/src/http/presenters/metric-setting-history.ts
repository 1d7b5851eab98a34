/** Metric settings history in words an analyst reads: which setting, and its values before and after. */
import { contextLabel, findMember, getBreakdown, getMetric } from '@jc/catalogue';
import type { SettingChangeJson, SettingHistoryEntryJson } from '../../contract/metric-setting-history.ts';
import { monthName } from '../../contract/report-periods.ts';
import type { SettingHistoryEntry } from '../../domain/metric-settings/find-setting-history.ts';
import type { SettingAspect, SettingChange, SettingValue } from '../../domain/metric-settings/setting-history-rules.ts';
import { settingLabel } from './setting-label.ts';

const ASPECT_WORDS: Record<SettingAspect, string> = {
  enabled: 'Reported',
  definition: 'Definition',
  definition_complete: 'Definition marked complete',
  context: 'Answer',
  frequency: 'Reporting frequency',
  starting_month: 'Starting month of the year',
  supervision_breakdown: 'Broken down by supervision population',
  sub_category: 'Custom category',
  reporting_agency: 'Reporting agency',
  self_reported: 'Reported by the agency itself',
};

function valueWords(aspect: SettingAspect, value: SettingValue): string | null {
  if (value === null) return null;
  if (aspect === 'starting_month' && typeof value === 'number') return monthName(value);
  if (aspect === 'definition') return value === 'YES' ? 'Included' : value === 'NO' ? 'Excluded' : String(value);
  if (aspect === 'enabled' || aspect === 'sub_category') {
    return value === true ? 'On' : value === false ? 'Off' : String(value);
  }
  if (value === true || value === 'YES') return 'Yes';
  if (value === false || value === 'NO') return 'No';
  if (aspect === 'frequency') return value === 'ANNUAL' ? 'Annual' : value === 'MONTHLY' ? 'Monthly' : String(value);
  return String(value);
}

/** "Breakdown Biological Sex: Female: Definition: Sworn officers" — the part of the metric, then the setting. */
function settingWords(metricKey: string, change: SettingChange): string {
  const breakdown = change.breakdown === null ? undefined : getBreakdown(metricKey, change.breakdown);
  const member = breakdown && change.member !== null ? findMember(breakdown, change.member) : undefined;
  const parts = [
    change.breakdown === null ? null : `Breakdown ${breakdown?.displayName ?? change.breakdown}`,
    change.member === null ? null : (member?.value ?? change.member),
  ];
  const item =
    change.item === null
      ? null
      : change.aspect === 'context'
        ? (contextLabel(change.item) ?? settingLabel(change.item))
        : change.aspect === 'sub_category'
          ? change.item
          : settingLabel(change.item);
  const what = item === null ? ASPECT_WORDS[change.aspect] : `${ASPECT_WORDS[change.aspect]}: ${item}`;
  return [...parts.filter((part) => part !== null), what].join(': ');
}

function presentChange(metricKey: string, change: SettingChange): SettingChangeJson {
  return {
    setting: settingWords(metricKey, change),
    old_value: valueWords(change.aspect, change.oldValue),
    new_value: valueWords(change.aspect, change.newValue),
  };
}

export function presentSettingHistoryEntry(entry: SettingHistoryEntry): SettingHistoryEntryJson {
  return {
    metric_key: entry.metricKey,
    metric_display_name: getMetric(entry.metricKey)?.displayName ?? entry.metricKey,
    user: entry.user,
    timestamp: entry.timestamp?.toISOString() ?? null,
    changes: entry.changes.map((change) => presentChange(entry.metricKey, change)),
  };
}

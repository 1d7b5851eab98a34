/**
 * The comparability of a metric on the wire: what the agency counts differently from the Justice
 * Counts definition, and its series breaks, each in a sentence for people.
 */
import { findMember, type MetricDef } from '@jc/catalogue';
import type { ComparabilityJson } from '../../contract/metric-settings.ts';
import { monthName } from '../../contract/report-periods.ts';
import { definitionDifferences } from '../../domain/metric-settings/comparability-rules.ts';
import type { BreakChange, SeriesBreak } from '../../domain/metric-settings/series-break-rules.ts';
import type { StoredMetricSetting, YesNo } from '../../domain/metric-settings/stored-setting-rules.ts';
import { settingLabel } from './setting-label.ts';

const INCLUDED = { YES: 'Yes', NO: 'No' } as const;
const FREQUENCY_WORDS: Record<string, string> = { MONTHLY: 'monthly', ANNUAL: 'annually' };

/** Display names of a member's breakdown and member, or nulls for the metric's own toggle. */
function placeOf(metric: MetricDef, breakdownId: string | null, memberName: string | null) {
  const breakdown = breakdownId === null ? undefined : metric.dimensions.find((d) => d.identifier === breakdownId);
  const member = breakdown && memberName !== null ? findMember(breakdown, memberName) : undefined;
  return {
    disaggregation: breakdown?.displayName ?? breakdownId,
    dimension: member?.value ?? memberName,
    prefix: member ? `${member.value}: ` : '',
  };
}

function differenceSentence(label: string, answer: YesNo): string {
  return answer === 'YES'
    ? `Includes ${label.toLowerCase()}, which the Justice Counts definition leaves out`
    : `Leaves out ${label.toLowerCase()}, which the Justice Counts definition includes`;
}

function changeJson(
  metric: MetricDef,
  change: BreakChange,
): ComparabilityJson['series_breaks'][number]['changes'][number] {
  const { disaggregation, dimension, prefix } = placeOf(metric, change.breakdown, change.member);
  const base = { kind: change.aspect, disaggregation, dimension, key: change.item };
  if (change.aspect === 'definition') {
    const label = settingLabel(change.item ?? '').toLowerCase();
    const [before, after] = [change.oldValue, change.newValue].map((v) => INCLUDED[v as YesNo] ?? String(v));
    const description = `${prefix}${change.newValue === 'YES' ? 'now includes' : 'no longer includes'} ${label}`;
    return { ...base, before: before!, after: after!, description: capitalise(description) };
  }
  const [before, after] = [String(change.oldValue), String(change.newValue)];
  const description =
    change.aspect === 'frequency'
      ? `Now reported ${FREQUENCY_WORDS[after] ?? after} (before: ${FREQUENCY_WORDS[before] ?? before})`
      : `Year now starts in ${monthName(Number(after))} (before: ${monthName(Number(before))})`;
  return { ...base, before, after, description };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function presentComparability(
  metric: MetricDef,
  setting: StoredMetricSetting,
  breaks: readonly SeriesBreak[],
): ComparabilityJson {
  const differences = definitionDifferences(metric, setting).map((difference) => {
    const { disaggregation, dimension, prefix } = placeOf(metric, difference.breakdown, difference.member);
    const label = settingLabel(difference.key);
    return {
      disaggregation,
      dimension,
      key: difference.key,
      label,
      included: INCLUDED[difference.answer],
      default: INCLUDED[difference.answer === 'YES' ? 'NO' : 'YES'],
      description: `${prefix}${differenceSentence(label, difference.answer)}`,
    };
  });
  return {
    matches_default: differences.length === 0,
    differences,
    series_breaks: breaks.map((b) => ({
      start_date: b.start,
      changed_at: b.changedAt.toISOString(),
      changes: b.changes.map((change) => changeJson(metric, change)),
    })),
  };
}

/**
 * Turns the data-entry form's save (`PATCH /api/reports/:id` metrics, REPORT_PAGE form: breakdown
 * members by display value) into datapoint changes, checking each value against the catalogue and
 * the agency's settings. Every problem is reported at once, naming the metric and the member.
 */
import type { MetricDef } from '@jc/catalogue';
import type { DatapointChange } from '../datapoints/datapoint-change-rules.ts';
import { parseMemberKey, valueProblem } from '../datapoints/datapoint-rules.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import type { MetricOnReport } from './report-metrics-rules.ts';

export interface ReportMetricInput {
  key: string;
  /** The total; absent leaves it as it is, null clears it. */
  value?: number | null | undefined;
  contexts?: { key: string; value: string | null }[] | undefined;
  disaggregations?: { key: string; dimensions: { key: string; value: number | null }[] }[] | undefined;
}

type Problems = FieldProblem[];

const SWITCHED_OFF = 'is switched off for this agency; turn it on in Set Up Metrics, or leave it empty';

function checkNumber(metric: MetricDef, label: string, value: number | null, field: string, problems: Problems) {
  if (value === null) return;
  const problem = valueProblem(metric.unit, value);
  if (problem) problems.push({ field, message: `${label} ${problem}` });
}

function breakdownChanges(
  reportId: number,
  { metric, setting }: MetricOnReport,
  input: NonNullable<ReportMetricInput['disaggregations']>[number],
  field: string,
  problems: Problems,
): DatapointChange[] {
  const breakdown = metric.dimensions.find((d) => d.identifier === input.key);
  if (!breakdown) {
    const known = metric.dimensions.map((d) => `"${d.identifier}"`).join(', ') || 'none';
    problems.push({
      field: `${field}.key`,
      message: `${metric.displayName} has no breakdown "${input.key}" (it has ${known})`,
    });
    return [];
  }
  const configured = setting.dimensions[breakdown.identifier];
  return input.dimensions.flatMap((entry, index): DatapointChange[] => {
    const at = `${field}.dimensions.${index}`;
    const parsed = parseMemberKey(breakdown, entry.key);
    const label = `${metric.displayName}, ${breakdown.displayName}: "${entry.key}"`;
    if (!parsed) {
      const choices = breakdown.members.map((m) => m.value).join(', ');
      problems.push({
        field: `${at}.key`,
        message: `${label} is not a category of this breakdown (choose from ${choices})`,
      });
      return [];
    }
    const isOff = configured?.enabled === false || configured?.members[parsed.member.name] === false;
    if (entry.value !== null && isOff) {
      problems.push({ field: `${at}.value`, message: `${label} ${SWITCHED_OFF}` });
      return [];
    }
    checkNumber(metric, label, entry.value, `${at}.value`, problems);
    const dimension = { identifier: breakdown.identifier, member: parsed.member.name };
    return [
      { reportId, metricKey: metric.key, dimension, subDimensionName: parsed.subDimensionName, value: entry.value },
    ];
  });
}

function metricChanges(
  reportId: number,
  onReport: MetricOnReport,
  input: ReportMetricInput,
  field: string,
  problems: Problems,
): DatapointChange[] {
  const { metric, setting } = onReport;
  const changes: DatapointChange[] = [];
  if (input.value !== undefined) {
    if (input.value !== null && setting.enabled === false) {
      problems.push({ field: `${field}.value`, message: `${metric.displayName} ${SWITCHED_OFF}` });
    } else {
      checkNumber(metric, metric.displayName, input.value, `${field}.value`, problems);
      changes.push({ reportId, metricKey: metric.key, value: input.value });
    }
  }
  (input.contexts ?? []).forEach((context, index) => {
    if (!metric.contexts.some((c) => c.key === context.key)) {
      const message = `${metric.displayName} has no context "${context.key}"`;
      problems.push({ field: `${field}.contexts.${index}.key`, message });
      return;
    }
    changes.push({ reportId, metricKey: metric.key, contextKey: context.key, value: context.value });
  });
  (input.disaggregations ?? []).forEach((breakdown, index) => {
    changes.push(...breakdownChanges(reportId, onReport, breakdown, `${field}.disaggregations.${index}`, problems));
  });
  return changes;
}

export function changesFromReportMetrics(
  reportId: number,
  metricsOnReport: readonly MetricOnReport[],
  inputs: readonly ReportMetricInput[],
): DatapointChange[] {
  const byKey = new Map(metricsOnReport.map((m) => [m.metric.key, m]));
  const problems: Problems = [];
  const changes = inputs.flatMap((input, index) => {
    const onReport = byKey.get(input.key);
    if (!onReport) {
      problems.push({
        field: `metrics.${index}.key`,
        message: `"${input.key}" is not a metric of this record (check the metric's frequency in Set Up Metrics)`,
      });
      return [];
    }
    return metricChanges(reportId, onReport, input, `metrics.${index}`, problems);
  });
  if (problems.length > 0) {
    throw new DomainError('invalid_input', problems.map((p) => p.message).join('; '), problems);
  }
  return changes;
}

/**
 * The data-entry form's rules, apart from React: field keys, number formatting while typing,
 * validation messages, and the save body for one metric.
 */
import {
  breakdownMismatches,
  exactValueProblem,
  MAX_SIGNIFICANT_DIGITS,
  MAX_VALUE_TEXT,
  type BreakdownMismatch,
  type ExactValueProblem,
} from '@jc/server/contract';
import type { ReportDimension, ReportMetric, ReportMetricUpdate } from '@jc/server/contract';

/** What the person typed, by field key. */
export type FormValues = Readonly<Record<string, string>>;
export type FieldErrors = Readonly<Record<string, string>>;

export const totalField = (metricKey: string) => metricKey;
export const dimensionField = (metricKey: string, breakdownKey: string, memberKey: string) =>
  `${metricKey}|${breakdownKey}|${memberKey}`;
export const contextField = (metricKey: string, contextKey: string) => `${metricKey}|context|${contextKey}`;

/** A field key's parts: its metric, and for a breakdown member's field, the breakdown and the member. */
export function fieldParts(field: string): { metricKey: string; breakdownKey?: string; memberKey?: string } {
  const [metricKey = field, breakdownKey, memberKey] = field.split('|');
  return breakdownKey === undefined || breakdownKey === 'context'
    ? { metricKey }
    : { metricKey, breakdownKey, memberKey };
}

export const INVALID_NUMBER = 'Please enter a valid number.';
export const TOTAL_REQUIRED = 'You are also required to enter a value for this field.';

/** What the form says about a number the server could not store exactly (the shared rule in the contract). */
export const EXACT_VALUE_MESSAGES: Record<ExactValueProblem, string> = {
  too_large: `This number is too large: figures can be at most ${MAX_VALUE_TEXT}.`,
  too_many_digits: `This number has too many digits: figures can have at most ${MAX_SIGNIFICANT_DIGITS}, or they would be rounded.`,
};

/**
 * Adds thousands separators while typing ("1234567.5" → "1,234,567.5"); anything not a number is
 * left as typed. Every digit is kept: a number too long to store is refused, never cut short.
 */
export function formatNumberInput(text: string): string {
  const bare = text.replace(/[,\s]/g, '');
  const match = /^(\d*)(\.\d*)?$/.exec(bare);
  if (!match || bare === '') return text;
  return `${(match[1] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[2] ?? ''}`;
}

/** What is wrong with a number field's text, in words; undefined when it can be saved as typed. */
function numberProblem(text: string | undefined): string | undefined {
  if (parseNumberInput(text) === 'invalid') return INVALID_NUMBER;
  const inexact = exactValueProblem(text ?? '');
  return inexact && EXACT_VALUE_MESSAGES[inexact];
}

/** The number in a field: null when empty, 'invalid' for anything but a number of 0 or more. */
export function parseNumberInput(text: string | undefined): number | null | 'invalid' {
  const bare = (text ?? '').replace(/[,\s]/g, '');
  if (bare === '') return null;
  return /^(\d+\.?\d*|\.\d+)$/.test(bare) ? Number(bare) : 'invalid';
}

/** A field's number, or null when it is empty or not a number. */
const numberOf = (text: string | undefined) => {
  const parsed = parseNumberInput(text);
  return parsed === 'invalid' ? null : parsed;
};

function shown(value: number | string | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumberInput(String(value)) : value;
}

/** Breakdowns the form shows: every one the agency has not switched off. */
export function visibleBreakdowns(metric: ReportMetric) {
  return metric.disaggregations.filter((d) => d.enabled !== false);
}

export const isMemberOn = (dimension: ReportDimension) => dimension.enabled !== false;

/** The form's starting values: what is stored, formatted as it would have been typed. */
export function initialValues(metrics: readonly ReportMetric[]): FormValues {
  const values: Record<string, string> = {};
  for (const metric of metrics) {
    values[totalField(metric.key)] = shown(metric.value);
    for (const context of metric.contexts) values[contextField(metric.key, context.key)] = context.value ?? '';
    for (const breakdown of metric.disaggregations) {
      for (const dimension of breakdown.dimensions) {
        values[dimensionField(metric.key, breakdown.key, dimension.key)] = shown(dimension.value);
      }
    }
  }
  return values;
}

function numberFields(metric: ReportMetric): string[] {
  return visibleBreakdowns(metric).flatMap((b) =>
    b.dimensions.filter(isMemberOn).map((d) => dimensionField(metric.key, b.key, d.key)),
  );
}

/** A metric's problems by field: bad numbers, and a missing total when anything else is filled in. */
export function metricErrors(metric: ReportMetric, values: FormValues): FieldErrors {
  const errors: Record<string, string> = {};
  const total = totalField(metric.key);
  for (const field of [total, ...numberFields(metric)]) {
    const problem = numberProblem(values[field]);
    if (problem) errors[field] = problem;
  }
  const others = [...numberFields(metric), ...metric.contexts.map((c) => contextField(metric.key, c.key))];
  const anyOther = others.some((field) => (values[field] ?? '').trim() !== '');
  if (!errors[total] && anyOther && parseNumberInput(values[total]) === null) errors[total] = TOTAL_REQUIRED;
  return errors;
}

/** The metric's breakdowns, as typed, that do not add up to its total (the shared rule in the contract). */
export function formMismatches(metric: ReportMetric, values: FormValues): BreakdownMismatch[] {
  const breakdowns = visibleBreakdowns(metric).map((b) => ({
    breakdown: b.display_name,
    values: b.dimensions.filter(isMemberOn).map((d) => numberOf(values[dimensionField(metric.key, b.key, d.key)])),
  }));
  return breakdownMismatches(numberOf(values[totalField(metric.key)]), breakdowns);
}

export type MetricStatus = 'error' | 'complete' | 'empty';

export function metricStatus(metric: ReportMetric, values: FormValues): MetricStatus {
  if (Object.keys(metricErrors(metric, values)).length > 0) return 'error';
  return parseNumberInput(values[totalField(metric.key)]) === null ? 'empty' : 'complete';
}

/** True when the metric can be saved: every field holds a number the server can store exactly, or nothing. */
export function isSavable(metric: ReportMetric, values: FormValues): boolean {
  return Object.values(metricErrors(metric, values)).every((problem) => problem === TOTAL_REQUIRED);
}

const noteOf = (text: string | undefined) => (text ?? '').trim() || null;

function differs(field: string, values: FormValues, saved: FormValues): boolean {
  if (field.includes('|context|')) return noteOf(values[field]) !== noteOf(saved[field]);
  return numberOf(values[field]) !== numberOf(saved[field]);
}

export interface MetricChanges {
  /** The save body: only the fields that differ from what was last saved. */
  update: ReportMetricUpdate;
  /** Those fields, to record as saved once the server has them. */
  fields: string[];
}

/** What to send for one metric: the fields that changed since the last save; null when none did. */
export function metricChanges(metric: ReportMetric, values: FormValues, saved: FormValues): MetricChanges | null {
  const fields: string[] = [];
  const changed = (field: string) => differs(field, values, saved) && fields.push(field) > 0;
  const total = totalField(metric.key);
  const update: ReportMetricUpdate = { key: metric.key };
  if (changed(total)) update.value = numberOf(values[total]);
  const contexts = metric.contexts.filter((c) => changed(contextField(metric.key, c.key)));
  if (contexts.length > 0) {
    update.contexts = contexts.map((c) => ({ key: c.key, value: noteOf(values[contextField(metric.key, c.key)]) }));
  }
  const disaggregations = visibleBreakdowns(metric)
    .map((b) => ({
      key: b.key,
      dimensions: b.dimensions
        .filter((d) => isMemberOn(d) && changed(dimensionField(metric.key, b.key, d.key)))
        .map((d) => ({ key: d.key, value: numberOf(values[dimensionField(metric.key, b.key, d.key)]) })),
    }))
    .filter((b) => b.dimensions.length > 0);
  if (disaggregations.length > 0) update.disaggregations = disaggregations;
  return fields.length === 0 ? null : { update, fields };
}

/** True when something typed is not on the server: a change not yet saved, or a value that cannot be. */
export function hasUnsavedValues(metrics: readonly ReportMetric[], values: FormValues, saved: FormValues): boolean {
  return metrics.some((metric) => !isSavable(metric, values) || metricChanges(metric, values, saved) !== null);
}

/** A field's number as saved; a stored value the form could not read as a number stays as it was. */
function savedNumber(text: string | undefined, before: number | string | null) {
  const parsed = parseNumberInput(text);
  return parsed === 'invalid' ? before : parsed;
}

/** The record's metrics holding the saved `values` (the inverse of `initialValues`), for its cached copy. */
export function metricsWithValues(metrics: readonly ReportMetric[], saved: FormValues): ReportMetric[] {
  return metrics.map((metric) => ({
    ...metric,
    value: savedNumber(saved[totalField(metric.key)], metric.value),
    contexts: metric.contexts.map((c) => ({ ...c, value: noteOf(saved[contextField(metric.key, c.key)]) })),
    disaggregations: metric.disaggregations.map((b) => ({
      ...b,
      dimensions: b.dimensions.map((d) => ({
        ...d,
        value: savedNumber(saved[dimensionField(metric.key, b.key, d.key)], d.value),
      })),
    })),
  }));
}

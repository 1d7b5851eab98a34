/**
 * The unit of every datapoint write, whoever makes it (data entry, bulk upload): one value of one
 * metric on one record. checkDatapointChanges() is the catalogue-level guard every write passes.
 */
import { getMetric } from '@jc/catalogue';
import { MAX_CONTEXT_CHARS } from '../../contract/metric-settings.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import { valueProblem } from './datapoint-rules.ts';

export interface DatapointChange {
  reportId: number;
  /** Stored metric key, e.g. `LAW_ENFORCEMENT_ARRESTS`. */
  metricKey: string;
  /** A breakdown member by stored NAME (`{identifier: 'metric/offense/type', member: 'DRUG'}`); null for the total. */
  dimension?: { identifier: string; member: string } | null;
  /** A custom label under an "Other" member; stored upper-case. Needs `dimension`. */
  subDimensionName?: string | null;
  /** A per-record note for one of the metric's context keys; its value is text. */
  contextKey?: string | null;
  /** A number for totals and breakdowns, text for contexts; null clears the value. */
  value: number | string | null;
}

/** The identity of the datapoint a change writes: the database's unique key. */
export function datapointKey(change: DatapointChange): string {
  return JSON.stringify([
    change.reportId,
    change.metricKey,
    change.dimension?.identifier ?? null,
    change.dimension?.member ?? null,
    change.subDimensionName ?? null,
    change.contextKey ?? null,
  ]);
}

function describe(change: DatapointChange): string {
  const parts = [change.metricKey, change.dimension?.member, change.subDimensionName, change.contextKey];
  return `record ${change.reportId}, ${parts.filter(Boolean).join(' / ')}`;
}

/** What is wrong with a change, if anything. A null value passes, so with one only its place is checked. */
export function changeProblem(change: DatapointChange): string | undefined {
  const metric = getMetric(change.metricKey);
  if (!metric) return `"${change.metricKey}" is not a Justice Counts metric`;
  if (change.contextKey) {
    if (change.dimension) return 'a context belongs to the metric, not to a breakdown member';
    if (!metric.contexts.some((c) => c.key === change.contextKey)) {
      return `"${change.contextKey}" is not a context of ${metric.key}`;
    }
    if (change.value !== null && typeof change.value !== 'string') return 'a context value must be text';
    if (typeof change.value === 'string' && change.value.length > MAX_CONTEXT_CHARS) {
      return `must be at most ${MAX_CONTEXT_CHARS} characters (got ${change.value.length})`;
    }
    return undefined;
  }
  if (change.dimension) {
    const { identifier, member } = change.dimension;
    const breakdown = metric.dimensions.find((d) => d.identifier === identifier);
    if (!breakdown) return `${metric.key} has no breakdown "${identifier}"`;
    if (!breakdown.members.some((m) => m.name === member)) return `"${member}" is not a member of "${identifier}"`;
  } else if (change.subDimensionName) {
    return 'a sub-category needs a breakdown member';
  }
  if (change.value === null) return undefined;
  if (typeof change.value !== 'number') return `must be a number (got "${change.value}")`;
  return valueProblem(metric.unit, change.value);
}

/** A change and what is wrong with it, at its place in its batch. */
export interface ChangeProblem {
  index: number;
  change: DatapointChange;
  message: string;
}

/** Refuses a batch with problems, listing every one (the first five in the message). */
export function refuseChanges(problems: readonly ChangeProblem[]): void {
  if (problems.length === 0) return;
  const fields: FieldProblem[] = problems.map(({ index, change, message }) => ({
    field: `changes.${index}`,
    message: `${describe(change)}: ${message}`,
  }));
  const shown = fields.slice(0, 5).map((p) => p.message);
  const more = fields.length > shown.length ? ` (and ${fields.length - shown.length} more)` : '';
  throw new DomainError('invalid_input', `${shown.join('; ')}${more}`, fields);
}

/** Refuses the whole batch, listing every bad change, before anything is written. */
export function checkDatapointChanges(changes: readonly DatapointChange[]): void {
  const problems: ChangeProblem[] = [];
  changes.forEach((change, index) => {
    const message = changeProblem(change);
    if (message) problems.push({ index, change, message });
  });
  refuseChanges(problems);
}

// Lookups over the catalogue, indexed once at load.
import { DIMENSIONS, METRICS, RACE_AND_ETHNICITY } from './build.ts';
import type { DimensionDef, MemberDef, MetricDef, SystemName } from './types.ts';

const METRIC_BY_KEY = new Map(METRICS.map((m) => [m.key, m]));
const DIMENSION_BY_ID = new Map(DIMENSIONS.map((d) => [d.identifier, d]));

/** The metric with this stored key (exact match, e.g. `PROSECUTION_CASES REFERRED`), or undefined. */
export function getMetric(key: string): MetricDef | undefined {
  return METRIC_BY_KEY.get(key);
}

/** A system's metrics in catalogue order. */
export function metricsForSystem(system: SystemName): MetricDef[] {
  return METRICS.filter((m) => m.system === system);
}

/** The metrics an agency with these systems reports, in canonical system order (SUPERVISION copies per sub-system). */
export function metricsForSystems(systems: readonly SystemName[]): MetricDef[] {
  const wanted = new Set(systems);
  return METRICS.filter((m) => wanted.has(m.system));
}

/** The metric-independent dimension; use getBreakdown() for a metric's required flag and member includes/excludes. */
export function getDimension(identifier: string): DimensionDef | undefined {
  return DIMENSION_BY_ID.get(identifier);
}

/** A metric's breakdown by dimension identifier, or undefined if the metric has no such breakdown. */
export function getBreakdown(metricKey: string, identifier: string): DimensionDef | undefined {
  return getMetric(metricKey)?.dimensions.find((d) => d.identifier === identifier);
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A member by stored NAME or display VALUE: exact NAME first, then exact VALUE, then either ignoring case and
 * surrounding or repeated spaces. Undefined when nothing matches.
 */
export function findMember(dimension: DimensionDef, nameOrValue: string): MemberDef | undefined {
  const { members } = dimension;
  const exact = members.find((m) => m.name === nameOrValue) ?? members.find((m) => m.value === nameOrValue);
  if (exact) return exact;
  const wanted = normalise(nameOrValue);
  return members.find((m) => normalise(m.name) === wanted || normalise(m.value) === wanted);
}

/** Race and ethnicity of a `global/race_and_ethnicity` member, read from its display value "Race / Ethnicity". */
export function raceAndEthnicity(member: MemberDef): { race: string; ethnicity: string } | undefined {
  const [race, ethnicity, ...rest] = member.value.split(' / ');
  if (race === undefined || ethnicity === undefined || rest.length > 0) return undefined;
  return { race, ethnicity };
}

export { RACE_AND_ETHNICITY };

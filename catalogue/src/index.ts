// The Justice Counts metric catalogue as typed data. Pure: no I/O, safe for the server and the browser.
export type {
  ContextDef,
  DimensionDef,
  Frequency,
  IncludesExcludesGroup,
  IncludesExcludesSetting,
  MemberDef,
  MetricDef,
  SystemName,
} from './types.ts';
export {
  AGENCY_SYSTEMS,
  SUPERVISION_SUBSYSTEMS,
  SYSTEMS,
  isSupervisionFamily,
  isSupervisionSubsystem,
  isSystemName,
  metricKey,
  systemLabel,
} from './systems.ts';
export { DIMENSIONS, FREQUENCIES, METRICS, SECTOR_INCLUDES_EXCLUDES } from './build.ts';
export {
  RACE_AND_ETHNICITY,
  findMember,
  getBreakdown,
  getDimension,
  getMetric,
  metricsForSystem,
  metricsForSystems,
  raceAndEthnicity,
} from './lookup.ts';
export type { ContextKey } from './labels.ts';
export { CATEGORY_LABELS, CONTEXT_KEYS, V2_DASHBOARD_METRIC_KEYS, categoryLabel, contextLabel } from './labels.ts';

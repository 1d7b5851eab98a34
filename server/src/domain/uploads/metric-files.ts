/**
 * The sheets (or CSV files) a system's upload may hold: one total sheet per metric and one per
 * breakdown, built from the catalogue's sheet names (and ours for breakdowns the reference has none for). Supervision sub-systems use
 * the supervision sheet names and point at their own metrics.
 */
import {
  getMetric,
  metricKey,
  metricsForSystem,
  type DimensionDef,
  type MetricDef,
  type SystemName,
} from '@jc/catalogue';
import { normaliseHeader, normaliseSheetName, sheetDisplayName } from './names.ts';

export interface MetricFile {
  /** Canonical sheet name, e.g. `arrests_by_type`. */
  sheetName: string;
  /** `Arrests By Type`. */
  displayName: string;
  metric: MetricDef;
  /** The breakdown of a breakdown sheet; null for the total sheet. */
  dimension: DimensionDef | null;
  /** The breakdown sheet's category column, e.g. `offense_type`; null for the total sheet. */
  column: string | null;
}

/**
 * Breakdowns the data-entry screen shows but the reference gave no sheet: our own sheet suffix and
 * category column (docs/api-compat.md). Excel allows 31 characters in a sheet name, so the suffix
 * is short: `post_adj_admissions_by_bh_need` is the longest.
 */
const ADDED_BREAKDOWN_SHEETS: Record<string, { suffix: string; column: string }> = {
  'metric/jails/behavioral_health/type': { suffix: 'by_bh_need', column: 'behavioral_health_need' },
};

function breakdownSheet(metric: MetricDef, dimension: DimensionDef): { sheetName: string; column: string } | undefined {
  const sheetName = metric.sheetNames.breakdowns[dimension.identifier];
  const column = metric.sheetColumns[dimension.identifier];
  if (sheetName !== undefined && column !== undefined) return { sheetName, column };
  const added = ADDED_BREAKDOWN_SHEETS[dimension.identifier];
  return added && { sheetName: `${metric.sheetNames.total}_${added.suffix}`, column: added.column };
}

function filesOfMetric(metric: MetricDef): MetricFile[] {
  const total: MetricFile = {
    sheetName: metric.sheetNames.total,
    displayName: sheetDisplayName(metric.sheetNames.total),
    metric,
    dimension: null,
    column: null,
  };
  const breakdowns = metric.dimensions.flatMap((dimension): MetricFile[] => {
    const sheet = breakdownSheet(metric, dimension);
    if (!sheet) return [];
    return [{ ...sheet, displayName: sheetDisplayName(sheet.sheetName), metric, dimension }];
  });
  return [total, ...breakdowns];
}

const FILES_BY_SYSTEM = new Map<SystemName, MetricFile[]>();

/** Every sheet of the system, metric by metric in catalogue order, the total sheet first. */
export function metricFilesFor(system: SystemName): MetricFile[] {
  let files = FILES_BY_SYSTEM.get(system);
  if (!files) {
    files = metricsForSystem(system)
      .filter((metric) => !metric.disabled)
      .flatMap(filesOfMetric);
    FILES_BY_SYSTEM.set(system, files);
  }
  return files;
}

/** The sheet a (raw) sheet or file name means, in any capitalisation and spacing. */
export function findMetricFile(system: SystemName, rawName: string): MetricFile | undefined {
  const wanted = normaliseSheetName(rawName);
  return metricFilesFor(system).find((file) => file.sheetName === wanted);
}

/** A single-page row's sheet: `metric` is a total sheet name, `breakdown_category` a breakdown column. */
export function findSinglePageFile(system: SystemName, metricCell: string, category: string): MetricFile | undefined {
  const total = findMetricFile(system, metricCell);
  if (!total || total.dimension !== null) return undefined;
  const files = metricFilesFor(system).filter((file) => file.metric.key === total.metric.key);
  if (category.trim() === '') return total;
  const column = normaliseHeader(category);
  return files.find((file) => file.column === column);
}

/** The same sheet pointed at a supervision sub-system's copy of the metric (PAROLE_FUNDING for `funding`). */
export function metricFileForSubsystem(file: MetricFile, subsystem: SystemName): MetricFile {
  const metric = getMetric(metricKey(subsystem, file.metric.metricType));
  return metric ? { ...file, metric } : file;
}

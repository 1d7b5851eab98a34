/**
 * The sheets (or CSV files) a system's upload may hold: one total sheet per metric and one per
 * breakdown that has a sheet, built from the catalogue's sheet names. Supervision sub-systems use
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

function filesOfMetric(metric: MetricDef): MetricFile[] {
  const total: MetricFile = {
    sheetName: metric.sheetNames.total,
    displayName: sheetDisplayName(metric.sheetNames.total),
    metric,
    dimension: null,
    column: null,
  };
  const breakdowns = metric.dimensions.flatMap((dimension): MetricFile[] => {
    const sheetName = metric.sheetNames.breakdowns[dimension.identifier];
    const column = metric.sheetColumns[dimension.identifier];
    if (sheetName === undefined || column === undefined) return [];
    return [{ sheetName, displayName: sheetDisplayName(sheetName), metric, dimension, column }];
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

/**
 * What reading an upload needs to know about the agency, loaded once before any row is read
 * (load-upload-context.ts): its chosen system, the child agencies rows may be routed to, its
 * supervision sub-systems, and the metric settings (enabled flag, frequency, fiscal start) of every
 * agency that may receive data. Plain data, so it can be posted to the worker that checks the file.
 */
import { getMetric, type MetricDef, type SystemName } from '@jc/catalogue';
import { resolveSetting, type ResolvedMetricSetting } from '../metric-settings/setting-rules.ts';
import type { ChildAgency } from './row-cells.ts';
import type { UploadFileKind } from './raw-upload.ts';

export interface UploadAgency {
  id: number;
  name: string;
  systems: string[] | null;
  isSuperagency: boolean | null;
}

export interface UploadContext {
  agency: UploadAgency;
  system: SystemName;
  fileKind: UploadFileKind;
  /** Child agencies named by the `agency` column; empty when the upload has no such column. */
  children: ChildAgency[];
  /** SUPERVISION plus the sub-systems the agency reports for; empty unless the upload is for supervision with sub-systems. */
  supervisionSystems: SystemName[];
  settings: Map<number, Map<string, ResolvedMetricSetting>>;
  currentYear: number;
  /** Today's date (UTC, ISO): periods ending after it are not over. */
  today: string;
}

/** The agency's setting for a metric, or the catalogue defaults when it has none for it. */
export function settingFor(context: UploadContext, agencyId: number, metric: MetricDef): ResolvedMetricSetting {
  return context.settings.get(agencyId)?.get(metric.key) ?? resolveSetting(metric, undefined);
}

/** Whether the agency splits this supervision metric into sub-systems (so its sheets need a `system` column). */
export function isSplitBySubsystem(context: UploadContext, metric: MetricDef): boolean {
  if (context.supervisionSystems.length === 0) return false;
  return settingFor(context, context.agency.id, metric).disaggregatedBySupervisionSubsystems === true;
}

export function agencyName(context: UploadContext, agencyId: number): string {
  return context.children.find((child) => child.id === agencyId)?.name ?? context.agency.name;
}

/** The catalogue metric behind a key the upload names; the key always comes from the catalogue. */
export function metricOf(key: string): MetricDef {
  const metric = getMetric(key);
  if (!metric) throw new Error(`uploads: unknown metric ${key}`);
  return metric;
}

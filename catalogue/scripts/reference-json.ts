// Shape of ../shared/reference/metrics_catalogue.json (only the fields the generator and the conformance test read).
import { existsSync, readFileSync } from 'node:fs';

export interface RefSetting {
  key: string;
  default: 'Yes' | 'No';
}
export interface RefGroup {
  description: string | null;
  multiselect: boolean;
  settings: RefSetting[];
}
export interface RefContext {
  key: string;
  value_type: string | null;
  required: boolean | null;
  multiple_choice_options: string[] | null;
}
export interface RefMember {
  name: string;
  value: string;
  contexts: string[];
  includes_excludes: RefGroup[] | null;
}
export interface RefBreakdown {
  dimension_identifier: string;
  display_name: string;
  required: boolean;
  should_sum_to_total: boolean;
  contexts: RefContext[];
  members: RefMember[];
}
export interface RefFile {
  canonical_filename: string;
  disaggregation_dimension_identifier: string | null;
  disaggregation_column_name: string | null;
}
export interface RefMetric {
  key: string;
  system: string;
  metric_type: string;
  display_name: string;
  category: string;
  unit: string;
  measurement_type: string;
  reporting_frequencies: ('MONTHLY' | 'ANNUAL')[];
  default_reporting_frequency: 'MONTHLY' | 'ANNUAL';
  disabled: boolean;
  contexts: RefContext[];
  includes_excludes: RefGroup[] | null;
  aggregated_dimensions: RefBreakdown[];
  bulk_upload_files: RefFile[];
  derived_from_supervision_metric: string | null;
}
export interface RefSystem {
  display_name: string;
  is_supervision_subsystem: boolean;
  metrics: RefMetric[];
}
export interface RefCatalogue {
  systems: Record<string, RefSystem>;
  dimensions: Record<string, { display_name: string; members: { name: string; value: string }[] }>;
  enums: { MetricCategory: { value: string; display: string }[] };
  agency_sector_includes_excludes_frontend: { sectors: Record<string, { key: string; default: 'YES' | 'NO' }[]> };
}

/** The source of truth, in the shared folder beside the repository (present in CI). */
export const SHARED_REFERENCE_URL = new URL('../../../shared/reference/metrics_catalogue.json', import.meta.url);
/** A committed copy, so a fresh clone without shared/ still checks the catalogue. */
export const COMMITTED_REFERENCE_URL = new URL('../reference/metrics_catalogue.json', import.meta.url);

export function loadReference(): RefCatalogue {
  const url = existsSync(SHARED_REFERENCE_URL) ? SHARED_REFERENCE_URL : COMMITTED_REFERENCE_URL;
  return JSON.parse(readFileSync(url, 'utf8')) as RefCatalogue;
}

export function allMetrics(ref: RefCatalogue): RefMetric[] {
  return Object.values(ref.systems).flatMap((s) => s.metrics);
}

// Placeholder until scripts/generate.ts writes the tables.
import type { DimensionRow, IncludesExcludesRow, MetricRow } from './tables.ts';

export const DIMENSION_ROWS: readonly DimensionRow[] = [];
export const INCLUDES_EXCLUDES_ROWS: readonly IncludesExcludesRow[] = [];
export const METRIC_ROWS: readonly MetricRow[] = [];
export const SUBSYSTEM_GROUPS: Readonly<Record<string, readonly number[]>> = {};
export const SECTOR_ROWS: Readonly<Record<string, string>> = {};

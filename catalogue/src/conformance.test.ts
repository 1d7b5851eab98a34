// The catalogue must match the reference catalogue string for string: these strings are what sits in the database.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allMetrics, COMMITTED_REFERENCE_URL, loadReference, SHARED_REFERENCE_URL } from '../scripts/reference-json.ts';
import type { RefBreakdown, RefGroup, RefMetric } from '../scripts/reference-json.ts';
import {
  categoryLabel,
  DIMENSIONS,
  METRICS,
  SECTOR_INCLUDES_EXCLUDES,
  SYSTEMS,
  systemLabel,
  type DimensionDef,
  type IncludesExcludesGroup,
  type MetricDef,
} from './index.ts';

const ref = loadReference();
const refMetrics = allMetrics(ref);

function groupShape(g: IncludesExcludesGroup) {
  return {
    hasLabel: g.label !== null,
    multiselect: g.multiselect,
    settings: g.settings.map((s) => [s.key, s.default]),
  };
}
function refGroupShape(g: RefGroup) {
  return {
    hasLabel: g.description !== null,
    multiselect: g.multiselect,
    settings: g.settings.map((s) => [s.key, s.default]),
  };
}

/** The fields compared as they are: our name, and the reference's name for it. */
const BREAKDOWN_FIELDS = {
  identifier: 'dimension_identifier',
  displayName: 'display_name',
  required: 'required',
  shouldSumToTotal: 'should_sum_to_total',
} as const satisfies Partial<Record<keyof DimensionDef, keyof RefBreakdown>>;
const METRIC_FIELDS = {
  key: 'key',
  system: 'system',
  metricType: 'metric_type',
  displayName: 'display_name',
  category: 'category',
  unit: 'unit',
  measurementType: 'measurement_type',
  defaultFrequency: 'default_reporting_frequency',
  disabled: 'disabled',
} as const satisfies Partial<Record<keyof MetricDef, keyof RefMetric>>;

/** Our object's `fields` under our names. */
function ours<T extends object>(value: T, fields: Partial<Record<keyof T, string>>) {
  return Object.fromEntries(Object.keys(fields).map((name) => [name, value[name as keyof T]]));
}
/** The reference object's `fields`, read under its names and given ours. */
function theirs<T extends object, R>(value: R, fields: Partial<Record<keyof T, keyof R>>) {
  return Object.fromEntries(Object.entries(fields).map(([name, refName]) => [name, value[refName as keyof R]]));
}

function breakdownShape(d: DimensionDef, sheets: MetricDef['sheetNames'], columns: Record<string, string>) {
  return {
    ...ours(d, BREAKDOWN_FIELDS),
    contexts: d.contexts.map((c) => c.key),
    sheet: sheets.breakdowns[d.identifier] ?? null,
    column: columns[d.identifier] ?? null,
    members: d.members.map((m) => ({
      name: m.name,
      value: m.value,
      contexts: m.contexts,
      includesExcludes: m.includesExcludes.map(groupShape),
    })),
  };
}
function refBreakdownShape(b: RefBreakdown, metric: RefMetric) {
  const file = metric.bulk_upload_files.find((f) => f.disaggregation_dimension_identifier === b.dimension_identifier);
  return {
    ...theirs<DimensionDef, RefBreakdown>(b, BREAKDOWN_FIELDS),
    contexts: b.contexts.map((c) => c.key),
    sheet: file?.canonical_filename ?? null,
    column: file?.disaggregation_column_name ?? null,
    members: b.members.map((m) => ({
      name: m.name,
      value: m.value,
      contexts: m.contexts,
      includesExcludes: (m.includes_excludes ?? []).map(refGroupShape),
    })),
  };
}

function metricShape(m: MetricDef) {
  return {
    ...ours(m, METRIC_FIELDS),
    includesExcludes: m.includesExcludes.map(groupShape),
    contexts: m.contexts.map((c) => [c.key, c.valueType, c.required, c.options]),
    totalSheet: m.sheetNames.total,
    breakdownSheetCount: Object.keys(m.sheetNames.breakdowns).length,
    dimensions: m.dimensions.map((d) => breakdownShape(d, m.sheetNames, m.sheetColumns)),
  };
}
function refMetricShape(m: RefMetric) {
  return {
    ...theirs<MetricDef, RefMetric>(m, METRIC_FIELDS),
    includesExcludes: (m.includes_excludes ?? []).map(refGroupShape),
    contexts: m.contexts.map((c) => [c.key, c.value_type, c.required, c.multiple_choice_options]),
    totalSheet: m.bulk_upload_files[0]?.canonical_filename,
    breakdownSheetCount: m.bulk_upload_files.length - 1,
    dimensions: m.aggregated_dimensions.map((b) => refBreakdownShape(b, m)),
  };
}

describe('catalogue conformance with the reference', () => {
  it('has exactly the reference metric keys, system by system in registry order', () => {
    expect(METRICS.map((m) => m.key)).toEqual(SYSTEMS.flatMap((s) => ref.systems[s]?.metrics.map((m) => m.key) ?? []));
    expect(METRICS.map((m) => m.key).sort()).toEqual(refMetrics.map((m) => m.key).sort());
    expect(METRICS).toHaveLength(117);
  });

  it.each(refMetrics.map((m) => [m.key, m] as const))('%s matches field for field', (key, refMetric) => {
    const metric = METRICS.find((m) => m.key === key);
    expect(metric).toBeDefined();
    expect(metricShape(metric as MetricDef)).toEqual(refMetricShape(refMetric));
    expect(metric?.frequencies).toEqual(expect.arrayContaining(refMetric.reporting_frequencies));
    expect(metric?.description.length).toBeGreaterThan(0);
  });

  it('registers exactly the dimensions metrics use, with the same members in order', () => {
    const used = new Set(refMetrics.flatMap((m) => m.aggregated_dimensions.map((b) => b.dimension_identifier)));
    expect(DIMENSIONS.map((d) => d.identifier).sort()).toEqual([...used].sort());
    expect(DIMENSIONS).toHaveLength(48);
    expect(DIMENSIONS.reduce((n, d) => n + d.members.length, 0)).toBe(287);
    for (const d of DIMENSIONS) {
      const registry = ref.dimensions[d.identifier];
      expect([d.identifier, d.displayName]).toEqual([d.identifier, registry?.display_name]);
      expect(d.members.map((m) => [m.name, m.value])).toEqual(registry?.members.map((m) => [m.name, m.value]));
    }
  });

  it('has the agency-wide sector includes/excludes with their defaults', () => {
    const expected = Object.fromEntries(
      Object.entries(ref.agency_sector_includes_excludes_frontend.sectors).map(([sector, settings]) => [
        sector,
        settings.map((s) => ({ key: s.key, default: s.default === 'YES' ? 'Yes' : 'No' })),
      ]),
    );
    expect(SECTOR_INCLUDES_EXCLUDES).toEqual(expected);
  });

  it('labels systems and categories as the reference displays them', () => {
    for (const system of SYSTEMS) expect(systemLabel(system)).toBe(ref.systems[system]?.display_name);
    for (const c of ref.enums.MetricCategory) expect(categoryLabel(c.value)).toBe(c.display);
  });
});

describe('the committed copy of the reference', () => {
  it('is byte for byte the shared reference whenever shared/ sits beside the repository', () => {
    const committed = readFileSync(COMMITTED_REFERENCE_URL, 'utf8');
    const shared = existsSync(SHARED_REFERENCE_URL) ? readFileSync(SHARED_REFERENCE_URL, 'utf8') : committed;
    expect(committed).toBe(shared);
  });
});

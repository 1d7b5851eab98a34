// Writes src/generated/data.ts from ../shared/reference/metrics_catalogue.json.
// Run from the repository root: npx tsx catalogue/scripts/generate.ts
// It stops if the reference breaks a rule the catalogue derives instead of storing (see assumeDerivable).
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { allMetrics, loadReference } from './reference-json.ts';
import type { RefBreakdown, RefCatalogue, RefGroup, RefMetric, RefSetting } from './reference-json.ts';

const OUTPUT = new URL('../src/generated/data.ts', import.meta.url);
const SUBSYSTEMS = ['PAROLE', 'PROBATION', 'PRETRIAL_SUPERVISION', 'OTHER_SUPERVISION'];
const COPY_FIELDS_THAT_DIFFER = new Set(['key', 'system', 'display_name', 'derived_from_supervision_metric']);
const COPY_FIELDS_MAY_DIFFER = new Set(['includes_excludes', 'includes_excludes_differs_from_supervision_metric']);

// Our own short headings for the reference's table headings.
const GROUP_LABELS: Record<string, string> = {
  'Funding timeframe and spend-down': 'Funding period',
  'Funding purpose': 'What the funding pays for',
  'Expenses timeframe and spend-down': 'Expense period',
  'Expense purpose': 'What the expenses pay for',
  'Expense type': 'Kinds of expense',
  'Probation Definition': 'Probation',
  'Parole Definition': 'Parole',
  'Pretrial Supervision Definition': 'Pretrial supervision',
  'Other Community Supervision Definition': 'Other community supervision',
};

function fail(message: string): never {
  throw new Error(`generate: ${message}`);
}

function encodeSettings(settings: { key: string; no: boolean }[]): string {
  return settings
    .map(({ key, no }) => {
      if (!/^[A-Z0-9_]+$/.test(key)) fail(`setting key ${JSON.stringify(key)} cannot be encoded`);
      return no ? `!${key}` : key;
    })
    .join(' ');
}

function refSettings(settings: RefSetting[]): string {
  return encodeSettings(settings.map((s) => ({ key: s.key, no: s.default === 'No' })));
}

/** Deduplicates includes/excludes tables; returns an id per table. */
class GroupTable {
  readonly rows: unknown[][] = [];
  private readonly ids = new Map<string, number>();

  id(group: RefGroup): number {
    const label =
      group.description === null
        ? null
        : (GROUP_LABELS[group.description] ?? fail(`no label for "${group.description}"`));
    const row: unknown[] = [refSettings(group.settings)];
    if (label !== null || !group.multiselect) row.push(label);
    if (!group.multiselect) row.push(false);
    const text = JSON.stringify(row);
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.rows.length;
      this.rows.push(row);
      this.ids.set(text, id);
    }
    return id;
  }
}

/** The catalogue derives these facts instead of storing them; stop if the reference ever disagrees. */
function assumeDerivable(metric: RefMetric): void {
  const where = metric.key;
  if (metric.key !== `${metric.system}_${metric.metric_type}`) fail(`${where}: key is not SYSTEM_TYPE`);
  if (metric.disabled) fail(`${where}: disabled metrics are not modelled`);
  if (
    metric.reporting_frequencies.length !== 1 ||
    metric.reporting_frequencies[0] !== metric.default_reporting_frequency
  ) {
    fail(`${where}: expected exactly one default frequency`);
  }
  if (metric.contexts.map((c) => c.key).join() !== 'INCLUDES_EXCLUDES_DESCRIPTION') fail(`${where}: metric contexts`);
  for (const b of metric.aggregated_dimensions) {
    if (b.should_sum_to_total) fail(`${where}: should_sum_to_total is modelled as always false`);
    const expected = b.dimension_identifier === 'global/race_and_ethnicity' ? 'OTHER_RACE_DESCRIPTION' : '';
    if (b.contexts.map((c) => c.key).join() !== expected) {
      fail(`${where} ${b.dimension_identifier}: breakdown contexts`);
    }
    for (const m of b.members) {
      const ctx = m.name === 'OTHER' || m.name === 'UNKNOWN' ? 'ADDITIONAL_CONTEXT' : 'INCLUDES_EXCLUDES_DESCRIPTION';
      if (m.contexts.join() !== ctx) fail(`${where} ${m.name}: member contexts`);
    }
  }
  const [total, ...rest] = metric.bulk_upload_files;
  if (!total || total.disaggregation_dimension_identifier !== null) {
    fail(`${where}: first file must be the total sheet`);
  }
  const ids = new Set(metric.aggregated_dimensions.map((b) => b.dimension_identifier));
  for (const f of rest) {
    if (!ids.has(f.disaggregation_dimension_identifier ?? '')) fail(`${where}: sheet for unknown breakdown`);
  }
}

function assumeCopy(copy: RefMetric, source: RefMetric): void {
  for (const field of Object.keys(copy) as (keyof RefMetric)[]) {
    if (COPY_FIELDS_THAT_DIFFER.has(field) || COPY_FIELDS_MAY_DIFFER.has(field)) continue;
    if (JSON.stringify(copy[field]) !== JSON.stringify(source[field])) {
      fail(`${copy.key}: ${field} differs from ${source.key}`);
    }
  }
}

function dimensionRows(metrics: RefMetric[]): unknown[][] {
  const byId = new Map<string, RefBreakdown>();
  for (const b of metrics.flatMap((m) => m.aggregated_dimensions)) {
    const seen = byId.get(b.dimension_identifier);
    const shape = (x: RefBreakdown) => JSON.stringify([x.display_name, x.members.map((m) => [m.name, m.value])]);
    if (seen && shape(seen) !== shape(b)) fail(`${b.dimension_identifier}: members or name differ between metrics`);
    byId.set(b.dimension_identifier, b);
  }
  return [...byId.values()]
    .sort((a, b) => (a.dimension_identifier < b.dimension_identifier ? -1 : 1))
    .map((b) => [b.dimension_identifier, b.display_name, b.members.flatMap((m) => [m.name, m.value])]);
}

function breakdownRow(metric: RefMetric, b: RefBreakdown, table: GroupTable): unknown[] {
  const file = metric.bulk_upload_files.find((f) => f.disaggregation_dimension_identifier === b.dimension_identifier);
  const memberGroups = b.members.map((m) => (m.includes_excludes ?? []).map((g) => table.id(g)));
  const hasGroups = memberGroups.some((ids) => ids.length > 0);
  return [
    b.dimension_identifier,
    b.required,
    file?.canonical_filename ?? null,
    file?.disaggregation_column_name ?? null,
    hasGroups ? memberGroups : [],
  ];
}

function metricRow(metric: RefMetric, table: GroupTable): unknown[] {
  return [
    metric.system,
    metric.metric_type,
    metric.display_name,
    metric.category,
    metric.unit,
    metric.measurement_type,
    metric.default_reporting_frequency,
    (metric.includes_excludes ?? []).map((g) => table.id(g)),
    metric.aggregated_dimensions.map((b) => breakdownRow(metric, b, table)),
    metric.bulk_upload_files[0]?.canonical_filename,
  ];
}

/** Sub-system copies whose metric-level tables differ from the SUPERVISION metric they copy. */
function subsystemGroups(ref: RefCatalogue, table: GroupTable): Record<string, number[]> {
  const supervision = new Map(ref.systems.SUPERVISION?.metrics.map((m) => [m.metric_type, m]));
  const result: Record<string, number[]> = {};
  for (const system of SUBSYSTEMS) {
    for (const copy of ref.systems[system]?.metrics ?? fail(`missing system ${system}`)) {
      const source = supervision.get(copy.metric_type) ?? fail(`${copy.key}: no SUPERVISION metric to copy`);
      assumeCopy(copy, source);
      if (JSON.stringify(copy.includes_excludes) !== JSON.stringify(source.includes_excludes)) {
        result[copy.key] = (copy.includes_excludes ?? []).map((g) => table.id(g));
      }
    }
    if (ref.systems[system]?.metrics.length !== supervision.size) {
      fail(`${system}: not one copy per SUPERVISION metric`);
    }
  }
  return result;
}

function sectorRows(ref: RefCatalogue): Record<string, string> {
  const sectors = ref.agency_sector_includes_excludes_frontend.sectors;
  return Object.fromEntries(
    Object.entries(sectors).map(([system, settings]) => [
      system,
      encodeSettings(settings.map((s) => ({ key: s.key, no: s.default === 'NO' }))),
    ]),
  );
}

async function main(): Promise<void> {
  const ref = loadReference();
  const metrics = allMetrics(ref);
  metrics.forEach(assumeDerivable);
  const table = new GroupTable();
  const own = Object.entries(ref.systems).filter(([name]) => !SUBSYSTEMS.includes(name));
  const metricRows = own.flatMap(([, system]) => system.metrics.map((m) => metricRow(m, table)));
  const copies = subsystemGroups(ref, table);
  const json = (value: unknown) => JSON.stringify(value);
  const source = `// GENERATED from ../shared/reference/metrics_catalogue.json by catalogue/scripts/generate.ts; do not edit.
// Regenerate: npx tsx catalogue/scripts/generate.ts  (row shapes: ./tables.ts)
import type { DimensionRow, IncludesExcludesRow, MetricRow } from './tables.ts';

export const DIMENSION_ROWS: readonly DimensionRow[] = ${json(dimensionRows(metrics))};

export const INCLUDES_EXCLUDES_ROWS: readonly IncludesExcludesRow[] = ${json(table.rows)};

export const METRIC_ROWS: readonly MetricRow[] = ${json(metricRows)};

/** Metric-level tables of sub-system copies that keep only part of the SUPERVISION metric's tables. */
export const SUBSYSTEM_GROUPS: Readonly<Record<string, readonly number[]>> = ${json(copies)};

/** Agency-wide sector toggles, encoded like INCLUDES_EXCLUDES_ROWS settings. */
export const SECTOR_ROWS: Readonly<Record<string, string>> = ${json(sectorRows(ref))};
`;
  writeFileSync(
    OUTPUT,
    await format(source, { parser: 'typescript', singleQuote: true, printWidth: 120, trailingComma: 'all' }),
  );
  console.log(`wrote ${OUTPUT.pathname}: ${metricRows.length} metrics, ${table.rows.length} includes/excludes tables`);
}

await main();

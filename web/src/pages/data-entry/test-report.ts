/** A small record page for unit tests: one metric with a total, one breakdown and a context. */
import type { ReportMetric } from '@jc/server/contract';
import { disaggregationJson } from '../../rules/test-metrics.ts';

export function testMetric(overrides: Partial<ReportMetric> = {}): ReportMetric {
  const dimension = (key: string, value: number | null, enabled: boolean | null = true) => ({
    key,
    label: key,
    description: null,
    enabled,
    value,
    datapoints: null,
    contexts: [],
    sub_dimensions: [],
  });
  return {
    key: 'LAW_ENFORCEMENT_ARRESTS',
    display_name: 'Arrests',
    label: 'Arrests',
    description: 'People arrested.',
    unit: 'Arrest Events',
    category: 'Public Safety',
    system: { key: 'LAW_ENFORCEMENT', display_name: 'Law Enforcement' },
    enabled: true,
    frequency: 'MONTHLY',
    custom_frequency: null,
    starting_month: null,
    value: 1200,
    contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', display_name: 'Notes', value: null }],
    disaggregations: [
      disaggregationJson('metric/offense/type', 'Offense Types', [
        dimension('Drug Offenses', 30),
        dimension('Person Offenses', null),
        dimension('Other Offenses', null, false),
      ]),
    ],
    disaggregated_by_supervision_subsystems: null,
    datapoints: null,
    includes_excludes: [],
    is_includes_excludes_configured: null,
    filenames: [],
    reporting_note: null,
    ...overrides,
  };
}

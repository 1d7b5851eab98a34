import { describe, expect, it } from 'vitest';
import type { DatapointFull, ReportWithDatapoints } from '../../api/reports.ts';
import { reviewTables } from './review-rules.ts';

function point(reportId: number, value: number | null, member: string | null = null): DatapointFull {
  return {
    id: Math.random(),
    report_id: reportId,
    agency_name: null,
    start_date: '',
    end_date: '',
    frequency: 'MONTHLY',
    metric_definition_key: 'LAW_ENFORCEMENT_ARRESTS',
    metric_display_name: 'Arrests',
    disaggregation_display_name: member ? 'Offense Types' : null,
    dimension_display_name: member,
    sub_dimension_name: null,
    value,
    old_value: null,
    is_published: false,
  };
}

function record(id: number, month: number, datapoints: DatapointFull[]): ReportWithDatapoints {
  const start = `2024-${String(month).padStart(2, '0')}-01`;
  return {
    id,
    agency_id: 1,
    agency_name: null,
    editors: [],
    frequency: 'MONTHLY',
    is_recurring: false,
    last_modified_at: null,
    last_modified_at_timestamp: null,
    month,
    year: 2024,
    publish_date: null,
    status: 'DRAFT',
    date_range_start: start,
    date_range_end: start,
    datapoints,
  };
}

describe('reviewTables', () => {
  it('puts each record in a column and the total before the breakdown members', () => {
    const tables = reviewTables([
      record(1, 1, [point(1, 12, 'Drug Offenses'), point(1, 20)]),
      record(2, 2, [point(2, 30), point(2, null, 'Person Offenses')]),
    ]);
    expect(tables).toEqual([
      {
        metricKey: 'LAW_ENFORCEMENT_ARRESTS',
        title: 'Arrests',
        error: null,
        rows: [
          { breakdown: null, label: 'Total', values: [20, 30] },
          { breakdown: 'Offense Types', label: 'Drug Offenses', values: [12, null] },
        ],
      },
    ]);
  });

  it('flags breakdown values without a total, naming the record', () => {
    const [table] = reviewTables([record(1, 3, [point(1, 4, 'Drug Offenses'), point(1, null)])]);
    expect(table!.error).toBe('Breakdown values were entered without a total for March 2024.');
  });

  it('has nothing to review when every value is empty', () => {
    expect(reviewTables([record(1, 3, [point(1, null)])])).toEqual([]);
  });
});

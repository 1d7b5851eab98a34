import { describe, expect, it } from 'vitest';
import type { DatapointFull, ReportWithDatapoints } from '@jc/server/contract';
import { reviewTables, tablesWithWarnings } from './review-rules.ts';

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
        warnings: ['January 2024: The Offense Types breakdown adds up to 12, less than the total of 20.'],
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

  it('warns of each breakdown that does not add up to its record’s total, and of nothing that does', () => {
    const over = record(1, 3, [point(1, 30), point(1, 20, 'Drug Offenses'), point(1, 15, 'Person Offenses')]);
    const [single] = reviewTables([over]);
    expect(single!.warnings).toEqual(['The Offense Types breakdown adds up to 35, more than the total of 30.']);
    expect(single!.error).toBeNull();

    const fine = record(2, 4, [point(2, 30), point(2, 30, 'Drug Offenses')]);
    const tables = reviewTables([over, fine]);
    expect(tables[0]!.warnings).toEqual([
      'March 2024: The Offense Types breakdown adds up to 35, more than the total of 30.',
    ]);
    expect(tablesWithWarnings(tables)).toHaveLength(1);
    expect(tablesWithWarnings(reviewTables([fine]))).toEqual([]);
  });

  it('has nothing to review when every value is empty', () => {
    expect(reviewTables([record(1, 3, [point(1, null)])])).toEqual([]);
  });
});

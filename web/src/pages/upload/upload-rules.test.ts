import { describe, expect, it } from 'vitest';
import type { UploadMetric, UploadResultWire } from '@jc/server/contract';
import {
  classifyResult,
  fileProblem,
  needsAttention,
  overwrites,
  reviewTables,
  saveTimeEstimate,
  summaryText,
  uploadSectors,
  uploadSizeHelp,
} from './upload-rules.ts';

function datapoint(overrides: Partial<UploadMetric['datapoints'][number]> = {}): UploadMetric['datapoints'][number] {
  return {
    id: 1,
    report_id: 1,
    agency_name: 'Harbor Police',
    start_date: 'Sun, 01 Jan 2023 00:00:00 GMT',
    end_date: 'Wed, 01 Feb 2023 00:00:00 GMT',
    frequency: 'MONTHLY',
    metric_definition_key: 'LAW_ENFORCEMENT_ARRESTS',
    metric_display_name: 'Arrests',
    disaggregation_display_name: null,
    dimension_display_name: null,
    sub_dimension_name: null,
    value: 5,
    old_value: null,
    is_published: false,
    ...overrides,
  };
}

function metric(key: string, overrides: Partial<UploadMetric> = {}): UploadMetric {
  return { key, display_name: key, enabled: null, metric_errors: [], datapoints: [], ...overrides };
}

function result(metrics: UploadMetric[], overrides: Partial<UploadResultWire> = {}): UploadResultWire {
  return {
    spreadsheet_id: 1,
    summary: {
      rows_saved: 0,
      rows_blank: 0,
      rows_skipped: 0,
      records_created: 0,
      records_changed: 0,
      records_unpublished: 0,
      errors: 0,
      warnings: 0,
    },
    file_name: 'f.xlsx',
    system: 'LAW_ENFORCEMENT',
    metrics,
    non_metric_errors: [],
    new_reports: [],
    updated_reports: [],
    unchanged_reports: [],
    ...overrides,
  };
}

const error = { type: 'ERROR' as const, title: 'Too Many Rows', subtitle: null, description: 'x' };
const warning = { ...error, type: 'WARNING' as const, title: 'Breakdown Total Warning' };

describe('uploadSectors', () => {
  it('folds supervision sub-systems into supervision and adds Superagency for superagencies', () => {
    expect(uploadSectors({ systems: ['SUPERVISION', 'PAROLE'], isSuperagency: false })).toEqual([
      { system: 'SUPERVISION', label: 'Supervision' },
    ]);
    expect(uploadSectors({ systems: ['PRISONS'], isSuperagency: true }).map((s) => s.system)).toEqual([
      'SUPERAGENCY',
      'PRISONS',
    ]);
  });
});

describe('fileProblem', () => {
  it('accepts .xlsx and .csv, and explains everything else', () => {
    expect(fileProblem({ name: 'data.XLSX', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'arrests.csv', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'old.xls', size: 10 })).toContain('save it as .xlsx');
    expect(fileProblem({ name: 'scan.pdf', size: 10 })).toContain('not a spreadsheet');
    expect(fileProblem({ name: 'big.xlsx', size: 26 * 1024 * 1024 })).toContain('larger than 25 MB');
  });
});

describe('classifyResult', () => {
  it('sorts metrics into alerts, saved and not uploaded, and counts errors', () => {
    const withError = metric('A', {
      metric_errors: [{ display_name: null, sheet_name: '', messages: [error] }],
      datapoints: [datapoint()],
    });
    const saved = metric('B', {
      datapoints: [datapoint()],
      metric_errors: [{ display_name: null, sheet_name: '', messages: [warning] }],
    });
    const classified = classifyResult(result([withError, saved, metric('C')], { non_metric_errors: [error] }));
    expect(classified.alerts.map((m) => m.key)).toEqual(['A']);
    expect(classified.saved.map((m) => m.key)).toEqual(['B']);
    expect(classified.notUploaded.map((m) => m.key)).toEqual(['C']);
    expect([classified.errorCount, classified.hasWarnings]).toEqual([2, true]);
  });

  it('goes straight to the review when there is nothing to say', () => {
    expect(needsAttention(result([metric('A', { datapoints: [datapoint()] })]))).toBe(false);
  });
});

describe('summaryText', () => {
  const summary = result([]).summary;

  it('heads with the rows saved and counts what was skipped, created, changed and unpublished', () => {
    const text = summaryText({
      ...summary,
      rows_saved: 3,
      rows_blank: 142,
      rows_skipped: 1,
      records_created: 1,
      records_changed: 2,
      records_unpublished: 1,
      errors: 1,
      warnings: 2,
    });
    expect(text.headline).toBe('3 rows saved');
    expect(text.lines).toEqual([
      '142 blank rows skipped (no figure given).',
      '1 row not saved because of the problems listed below.',
      '1 record created, 2 records changed.',
      '1 published record went back to draft; publish again once you have checked the figures.',
      '1 error and 2 warnings listed below.',
    ]);
  });

  it('says plainly when nothing was saved', () => {
    expect(summaryText({ ...summary, rows_skipped: 2, errors: 2 })).toEqual({
      headline: 'No rows were saved',
      lines: [
        '2 rows not saved because of the problems listed below.',
        'No records were created or changed.',
        '2 errors listed below.',
      ],
    });
  });
});

describe('review', () => {
  it('puts totals first and shows periods oldest first, with changed values', () => {
    const arrests = metric('LAW_ENFORCEMENT_ARRESTS', {
      display_name: 'Arrests',
      datapoints: [
        datapoint({ start_date: 'Wed, 01 Feb 2023 00:00:00 GMT', value: 7, old_value: 6 }),
        datapoint({ disaggregation_display_name: 'Offense Types', dimension_display_name: 'Drug Offenses', value: 2 }),
        datapoint({ value: 5 }),
      ],
    });
    const [table] = reviewTables(result([arrests]));
    expect(table!.periods).toEqual(['Jan 2023', 'Feb 2023']);
    expect(table!.rows).toEqual([
      {
        group: null,
        label: 'Total',
        cells: [
          { value: 5, old: null },
          { value: 7, old: 6 },
        ],
      },
      { group: 'Offense Types', label: 'Drug Offenses', cells: [{ value: 2, old: null }, null] },
    ]);
    expect(overwrites(result([arrests]))).toEqual(['Arrests: Total (02/23)']);
  });
});

describe('uploadSizeHelp', () => {
  it('names the row and size limits and the longest time a file takes', () => {
    expect(uploadSizeHelp()).toEqual({
      limits:
        'A file may hold up to 500,000 rows of data over all its sheets and be up to 25 MB; split a larger one into several uploads.',
      time: 'Saving takes up to a minute for every 300,000 rows, so up to 2 minutes for the largest file. A file of a few thousand rows takes seconds, and once you choose a file you will see how long it should take.',
    });
  });
});

describe('saveTimeEstimate', () => {
  const MB = 1024 * 1024;

  it('says a small file takes under a minute', () => {
    expect(saveTimeEstimate({ name: 'arrests.xlsx', size: 200 * 1024 })).toBe(
      'This file should take under a minute to save.',
    );
    expect(saveTimeEstimate({ name: 'arrests.csv', size: 200 * 1024 })).toBe(
      'This file should take under a minute to save.',
    );
  });

  it('counts about 40,000 rows a megabyte of .xlsx, rounding the minutes up', () => {
    // 7.5 MB: 300,000 rows, a minute's worth; 10 MB: 400,000 rows.
    expect(saveTimeEstimate({ name: 'Jail data.XLSX', size: 7.5 * MB })).toBe(
      'This file should take about a minute to save.',
    );
    expect(saveTimeEstimate({ name: 'jail.xlsx', size: 10 * MB })).toBe(
      'This file should take about 2 minutes to save.',
    );
  });

  it('counts about 16,000 rows a megabyte of .csv', () => {
    // 15 MB: 240,000 rows (as .xlsx it would be 600,000); 20 MB: 320,000 rows.
    expect(saveTimeEstimate({ name: 'arrests.csv', size: 15 * MB })).toBe(
      'This file should take under a minute to save.',
    );
    expect(saveTimeEstimate({ name: 'arrests.csv', size: 20 * MB })).toBe(
      'This file should take about 2 minutes to save.',
    );
  });

  it('counts no more rows than a file may hold', () => {
    // 25 MB of .xlsx would be 1,000,000 rows (4 minutes); a file holds at most 500,000.
    expect(saveTimeEstimate({ name: 'everything.xlsx', size: 25 * MB })).toBe(
      'This file should take about 2 minutes to save.',
    );
  });

  it('says nothing of a file that is not a spreadsheet', () => {
    expect(saveTimeEstimate({ name: 'notes.docx', size: 10 * MB })).toBeUndefined();
    expect(saveTimeEstimate({ name: 'xlsx', size: 10 * MB })).toBeUndefined();
  });
});
